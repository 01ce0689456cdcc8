import { commandProblem, type CONFIG_FILE } from '../projectSettings';
import type { DeployTarget } from './types';

/** Where an explicit deploy command came from: saved by the user in Optimus, or the project's `.optimus.json`. */
export type ConfiguredSource = 'settings' | typeof CONFIG_FILE;

export interface ConfiguredDeploy {
  command: string;
  source: ConfiguredSource;
}

export interface DeployChoice {
  /** What to run in the project folder; null when nothing is configured and no target has a command. */
  command: string | null;
  source: ConfiguredSource | 'detected' | 'none';
  /** The target the command deploys to: the detected one, or the one whose command the configured one equals. */
  target: DeployTarget | null;
}

/**
 * The deploy command for a project: an explicit configured one wins (it is what the user said), else the first
 * detected target that has a command (targets come best first). A configured command that cannot be one (blank,
 * several lines) is passed over rather than run: it may come from a store another process wrote.
 */
export function chooseDeployCommand(targets: readonly DeployTarget[], configured?: ConfiguredDeploy | null): DeployChoice {
  if (configured && commandProblem(configured.command) === undefined) {
    const command = configured.command.trim();
    return { command, source: configured.source, target: targets.find((t) => t.suggestedCommand === command) ?? null };
  }
  const first = targets.find((t) => t.suggestedCommand !== undefined);
  return first?.suggestedCommand ? { command: first.suggestedCommand, source: 'detected', target: first } : { command: null, source: 'none', target: null };
}
