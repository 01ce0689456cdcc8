import { statSync } from 'node:fs';
import path from 'node:path';

/** The flat-config names ESLint 10 looks for, in its own order. */
const FLAT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LEGACY_CONFIGS = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];

export type ConfigChoice =
  | { kind: 'project'; file: string; mtimeMs: number }
  | { kind: 'builtin'; note: string | null };

/**
 * Which ESLint config a project gets. ESLint looks for a flat config from each file's folder up to the root, so
 * one in the project folder or above it means every file of the project has one. Loading it runs its code,
 * so an untrusted workspace gets the built-in set instead, with a note saying so.
 */
export function chooseConfig(projectDir: string, trusted: boolean): ConfigChoice {
  const found = findUp(projectDir, FLAT_CONFIGS);
  if (found && trusted) return { kind: 'project', file: found.file, mtimeMs: found.mtimeMs };
  if (found) return { kind: 'builtin', note: `${found.file} was not loaded because the workspace is not trusted (loading it runs its code); the built-in rule set was used` };
  const legacy = findUp(projectDir, LEGACY_CONFIGS);
  if (legacy) return { kind: 'builtin', note: `${legacy.file} is an eslintrc config, which ESLint 10 no longer reads; the built-in rule set was used` };
  return { kind: 'builtin', note: null };
}

function findUp(dir: string, names: readonly string[]): { file: string; mtimeMs: number } | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of names) {
      const file = path.join(current, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat?.isFile()) return { file, mtimeMs: stat.mtimeMs };
    }
    if (path.dirname(current) === current) return null;
  }
}
