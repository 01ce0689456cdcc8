import path from 'node:path';
import type { Finding } from '../../model';
import { readEnvFiles } from './envFiles';
import { profileFiles, profileNameProblem } from './profiles';

/**
 * The real values, for the process Optimus starts and nothing else: never log, store, audit or send them.
 * Findings never hold a value.
 */
export interface StartEnv {
  /** Merged in load order, later files winning. Own properties only (a key `__proto__` is a plain key here). */
  vars: Record<string, string>;
  /** Absolute paths of the files that were read, in load order. */
  files: string[];
  findings: Finding[];
}

/**
 * The variables of `profile`'s .env files, merged. The caller decides how they meet the inherited environment;
 * the dotenv loaders let a variable already set in the shell win over the files, and so should a start.
 */
export async function envForStart(projectDir: string, profile: string): Promise<StartEnv> {
  const dir = path.resolve(projectDir);
  const problem = profileNameProblem(profile);
  if (problem) return { vars: {}, files: [], findings: [{ code: 'env/bad-profile', severity: 'warning', message: `${problem}; no .env file was loaded`, file: dir }] };
  const files = await readEnvFiles(dir, profileFiles(profile));
  const merged = new Map<string, string>();
  for (const file of files) for (const entry of file.entries ?? []) merged.set(entry.key, entry.value);
  return {
    vars: Object.fromEntries(merged),
    files: files.filter((f) => f.entries !== null).map((f) => f.path),
    findings: files.flatMap((f) => f.findings),
  };
}
