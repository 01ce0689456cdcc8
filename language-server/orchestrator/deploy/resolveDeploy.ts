import path from 'node:path';
import type { Finding } from '../../model';
import type { Store } from '../../store/store';
import { CONFIG_FILE, commandProblem, readOptimusConfig, settingsKey, storedSettings } from '../projectSettings';
import { chooseDeployCommand, type ConfiguredDeploy, type DeployChoice } from './deployCommand';
import { detectDeployTargets } from './detect';
import type { DeployTarget } from './types';

export interface ResolvedDeploy extends DeployChoice {
  /** Absolute project folder: where the command runs. */
  cwd: string;
  /** Every detected target, best first, so a UI can offer the others. */
  targets: DeployTarget[];
  findings: Finding[];
}

/**
 * The command that deploys the project, as resolveStartCommand does for starting: the user's saved choice, else
 * `.optimus.json` `deploy`, else the best detected target with a command. Never runs anything; never throws.
 */
export async function resolveDeployCommand(projectDir: string, entryNames: readonly string[] | undefined, store: Store | null): Promise<ResolvedDeploy> {
  const cwd = path.resolve(projectDir);
  const [stored, config, targets] = await Promise.all([storedSettings(store, cwd), readOptimusConfig(cwd), detectDeployTargets(cwd, entryNames)]);
  const findings = [...stored.findings, ...config.findings];
  const configured = fromStore(stored.settings?.deployCommand, cwd, findings) ?? (config.config.deploy ? { command: config.config.deploy, source: CONFIG_FILE } : null);
  return { ...chooseDeployCommand(targets, configured), cwd, targets, findings };
}

/** The stored command, unless another process wrote one that cannot be a command (then a finding says so). */
function fromStore(command: string | null | undefined, cwd: string, findings: Finding[]): ConfiguredDeploy | null {
  if (!command) return null;
  const problem = commandProblem(command);
  if (!problem) return { command, source: 'settings' };
  findings.push({ code: 'settings/bad-deploy-command', severity: 'warning', message: `The saved deploy command ${problem}, so it was not used`, file: settingsKey(cwd) });
  return null;
}
