import path from 'node:path';
import type { Finding } from '../model';
import type { StartPlan } from '../protocol';
import { envForStart } from '../orchestrator/env/envForStart';
import { DEFAULT_PROFILE } from '../orchestrator/env/profiles';
import { CONFIG_FILE, resolveEnvProfile } from '../orchestrator/projectSettings';
import { childEnv } from '../orchestrator/runtime/childEnv';
import { projectLogFile, startDetached } from '../orchestrator/runtime/detachedStart';
import { resolveStartCommand } from '../orchestrator/startCommand/resolve';
import { maskCommandLine } from '../scanner/runtime/mask';
import type { Store } from '../store/store';
import { optimusHome } from '../store/storePath';

/**
 * What `optimus start` will run, decided before anything runs (so it can be audited as asked): the server's
 * plan, without the alternatives a picker offers, plus where the output goes.
 */
export interface CliStartPlan extends Omit<StartPlan, 'alternatives'> {
  log: string;
  findings: Finding[];
}

/** What `optimus start --json` prints (and `restart` merges into its own). */
export interface StartReport {
  path: string;
  command: string;
  source: string;
  pid: number;
  log: string;
  envProfile: string | null;
  envFiles: string[];
  /** False when the command finished at once with code 0 (`docker compose up -d` does). */
  running: boolean;
}

/** Resolving found no command: exit 1 with what the user can add. */
export class NoStartCommand extends Error {
  constructor(dir: string) {
    super(
      `no way to start ${dir}; add a \`start\` to ${CONFIG_FILE} (e.g. { "start": "npm run dev" }) or a start script the project's tools know ` +
        '(a package.json "dev" or "start" script, a Procfile web line, a compose file, ...)',
    );
  }
}

export async function planStart(dir: string, store: Store | null, askedProfile: string | undefined, env: NodeJS.ProcessEnv): Promise<CliStartPlan> {
  const resolved = await resolveStartCommand(dir, undefined, store);
  if (!resolved.command) throw new NoStartCommand(dir);
  const profile = await resolveEnvProfile(dir, store, askedProfile, DEFAULT_PROFILE);
  const files = await envForStart(dir, profile.profile);
  return {
    path: dir,
    command: resolved.command,
    cwd: resolved.cwd,
    source: resolved.source,
    envProfile: files.files.length > 0 ? profile.profile : null,
    envFiles: files.files,
    log: projectLogFile(optimusHome(env), path.basename(dir)),
    findings: [...resolved.findings, ...profile.findings, ...files.findings],
  };
}

/**
 * What goes into the audit row: the command line and where it runs, the profile's name — never a .env value.
 * The command is masked as the process table shows it: an inline `API_TOKEN=… node app` is the user's own to
 * see on their terminal, but an audit log is kept and read later.
 */
export function startAuditDetails(plan: CliStartPlan): Record<string, unknown> {
  return { command: maskCommandLine(plan.command), cwd: plan.cwd, source: plan.source, envProfile: plan.envProfile, log: plan.log };
}

/** Starts the plan detached. The plan holds no .env value (it is printed and audited): they are read here, for the spawn only. */
export async function launch(plan: CliStartPlan, baseEnv: NodeJS.ProcessEnv): Promise<StartReport> {
  const vars = plan.envProfile ? (await envForStart(plan.path, plan.envProfile)).vars : {};
  const env = childEnv(baseEnv, vars);
  // childEnv forces colours for a terminal; a log file is read with less and grep, where escape codes are noise.
  if (baseEnv.FORCE_COLOR === undefined && vars.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  const run = await startDetached({ command: plan.command, cwd: plan.cwd, env, logFile: plan.log });
  const { path: dir, command, source, envProfile, envFiles } = plan;
  return { path: dir, command, source, pid: run.pid, log: run.logFile, envProfile, envFiles, running: run.exitCode === null };
}
