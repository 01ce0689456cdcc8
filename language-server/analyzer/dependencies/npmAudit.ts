/**
 * Known-vulnerable dependencies according to `npm audit` (asks the npm registry), for a project with an npm
 * lockfile. Every failure (no lockfile, npm missing, offline, registry refusal, odd output) is a note, never a throw.
 */
import { dependencyPlaces } from './dependencyPlaces';
import type { DependencyScan } from './dependencyRules';
import { auditFindings } from './auditFindings';
import { parseNpmAudit } from './npmAuditReport';
import { readNpmLockfile } from './npmLockfile';
import { runNpm } from './npmRunner';
import type { NpmRunner, NpmRunResult } from './npmRunner';

export interface NpmAuditOptions {
  signal?: AbortSignal;
  /** Default 60 s: an audit of a big tree takes several seconds on a good connection. */
  timeoutMs?: number;
  /** Replaces the npm process (tests pass recorded outputs). */
  run?: NpmRunner;
}

/**
 * Reads the lockfile only: no install, no scripts. Dev dependencies are included on purpose (and forced in
 * against an `omit=dev` npmrc or NODE_ENV=production) so findings can say which are dev-only. `offline=false`
 * because npm in offline mode prints an empty report that would read as "no vulnerabilities".
 */
export const NPM_AUDIT_ARGS: readonly string[] = ['audit', '--json', '--package-lock-only', '--include=dev', '--include=optional', '--include=peer', '--offline=false'];

const DEFAULT_TIMEOUT_MS = 60_000;

export async function npmAuditFindings(projectDir: string, options: NpmAuditOptions = {}): Promise<DependencyScan> {
  const read = await readNpmLockfile(projectDir);
  if (!read.ok) return { findings: [], notes: [read.note] };
  // Nothing to ask the registry about (an empty or foreign-shaped lockfile): npm would print a clean-looking report.
  if (read.lock.nodes.size === 0) return { findings: [], notes: [`${read.lock.path} lists no installed packages: nothing was audited.`] };
  const output = await runAudit(projectDir, options);
  if ('note' in output) return { findings: [], notes: [output.note] };
  const report = parseNpmAudit(output.stdout, output.code);
  if (!report.ok) return { findings: [], notes: [`npm audit gave no result: ${report.reason}`] };
  const places = await dependencyPlaces(projectDir, read.lock);
  const notes = report.malformed > 0 ? [`${report.malformed} entr${report.malformed === 1 ? 'y' : 'ies'} of npm audit's report could not be read and were skipped.`] : [];
  return { findings: auditFindings(report.vulnerabilities, read.lock, places), notes };
}

async function runAudit(projectDir: string, options: NpmAuditOptions): Promise<NpmRunResult | { note: string }> {
  if (options.signal?.aborted) return { note: 'npm audit was cancelled.' };
  const run = options.run ?? runNpm;
  try {
    const runOptions = { cwd: projectDir, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) };
    return await run(NPM_AUDIT_ARGS, runOptions);
  } catch (error) {
    return { note: error instanceof Error ? error.message : `npm audit could not run: ${String(error)}` };
  }
}
