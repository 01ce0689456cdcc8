import path from 'node:path';
import { isEnvFileName } from '../../../orchestrator/env/profiles';

/** Lockfiles are full of integrity hashes and resolved URLs that look random and are public by design. */
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'deno.lock', 'Cargo.lock',
  'Gemfile.lock', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'composer.lock', 'go.sum', 'flake.lock', 'packages.lock.json',
  'pubspec.lock', 'mix.lock', 'Podfile.lock', 'gradle.lockfile', 'conan.lock',
]);
/** Files whose unquoted `key: value` / `key=value` lines are values, not identifiers. */
const CONFIG_EXTENSIONS = new Set(['.yml', '.yaml', '.ini', '.properties', '.toml', '.cfg', '.conf', '.config', '.npmrc', '.sh', '.bash', '.zsh', '.env']);
const CONFIG_NAMES = new Set(['Dockerfile', 'Containerfile', '.npmrc', '.pypirc', '.netrc', '.yarnrc', 'Procfile']);
/** Folders and file names of tests, fixtures, examples and docs, where made-up credentials are the norm. */
const FIXTURE_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'fixtures', '__fixtures__', '__mocks__', 'mocks', 'testdata', 'example', 'examples', 'sample', 'samples', 'docs']);
const FIXTURE_FILE = /\.(?:test|spec|stories|fixture|example|sample)\.[A-Za-z0-9]+$|^test_.*\.py$|_test\.(?:go|py)$|\.(?:md|mdx|markdown|rst|adoc)$/i;
export const BASELINE_PATH = '.optimus/secrets-baseline.json';

/**
 * Why a file is not scanned for secrets, or null. `.env` files are where secrets belong (the move-to-.env fix
 * writes there; keeping them out of git is the .gitignore's job) and `.env.example` holds placeholders.
 */
export function skipReason(file: string, text: string): string | null {
  const name = path.basename(file);
  if (LOCKFILES.has(name)) return 'a lockfile';
  if (isEnvFileName(name)) return 'an environment file';
  if (file.replace(/\\/g, '/').endsWith(BASELINE_PATH)) return 'the secrets baseline';
  // decoded binary has NULs within its first few KB; text practically never does
  if (text.slice(0, 8192).includes('\u0000')) return 'a binary file';
  return null;
}

/**
 * Whether a file is a test, fixture, example or doc. Only the part below `projectDir` counts when it is given:
 * a project kept in `~/examples/shop` is not an example.
 */
export function isFixturePath(file: string, projectDir?: string): boolean {
  const relative = projectDir ? path.relative(projectDir, file) : '';
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  const parts = inside.replace(/\\/g, '/').split('/');
  const name = parts.pop() ?? '';
  return FIXTURE_FILE.test(name) || parts.some((dir) => FIXTURE_DIRS.has(dir.toLowerCase()));
}

export function isConfigFile(file: string): boolean {
  const name = path.basename(file);
  return CONFIG_NAMES.has(name) || CONFIG_EXTENSIONS.has(path.extname(name).toLowerCase());
}
