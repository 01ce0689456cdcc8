import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { builtinConfig } from './builtinConfig';
import { chooseConfig, type ConfigChoice } from './configChoice';
import { eslintModules } from './eslintModules';

export type LintConfigSource = { kind: 'project'; file: string } | { kind: 'builtin' };

/** One ESLint instance for a project, kept warm between runs (its config and parsers are loaded once). */
export interface EslintSession {
  eslint: ESLint;
  config: LintConfigSource;
  /** Changes whenever cached results stop being valid: another config, config file edit, or ESLint version. */
  identity: string;
  /** Why the built-in set is used, when that is worth telling the user. */
  notes: string[];
}

export interface SessionOptions {
  trusted: boolean;
  /** A folder for ESLint's result cache (created if missing); no cache without it. */
  cacheDir?: string;
}

/** Bump when builtinConfig.ts changes what it reports. */
const BUILTIN_VERSION = 1;

/** Few projects are linted at once; each instance holds its config and ESLint's cache in memory. */
const MAX_SESSIONS = 4;
const sessions = new Map<string, Promise<EslintSession>>();

/**
 * The session for a project. The key includes the config file's mtime, so editing eslint.config.* gives a
 * fresh instance (ESLint caches the loaded config per instance); a config that failed to load is not retried
 * until it changes.
 */
export function eslintSession(projectDir: string, options: SessionOptions): Promise<EslintSession> {
  const choice = chooseConfig(projectDir, options.trusted);
  const key = JSON.stringify([path.resolve(projectDir), choice.kind === 'project' ? [choice.file, choice.mtimeMs] : choice.kind, options.cacheDir ?? null]);
  let session = sessions.get(key);
  if (session) {
    sessions.delete(key); // re-inserted below: Map order is the LRU order
  } else {
    session = openSession(projectDir, choice, options.cacheDir);
    session.catch(() => sessions.delete(key));
  }
  sessions.set(key, session);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  return session;
}

/** Forgets every warm instance (tests; a settings change). */
export function closeEslintSessions(): void {
  sessions.clear();
}

async function openSession(projectDir: string, choice: ConfigChoice, cacheDir: string | undefined): Promise<EslintSession> {
  if (choice.kind === 'builtin') return builtinSession(projectDir, cacheDir, choice.note ? [choice.note] : []);
  const eslint = createEslint(projectDir, cacheDir, 'project');
  try {
    // Loads (runs) the config now, so a broken one falls back here instead of failing every lint later.
    await eslint.calculateConfigForFile(path.join(projectDir, '__optimus_probe__.js'));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return builtinSession(projectDir, cacheDir, [`${choice.file} could not be loaded (${why}); the built-in rule set was used`]);
  }
  const identity = JSON.stringify(['project', choice.file, choice.mtimeMs, eslintModules().version]);
  return { eslint, config: { kind: 'project', file: choice.file }, identity, notes: [] };
}

function builtinSession(projectDir: string, cacheDir: string | undefined, notes: string[]): EslintSession {
  const identity = JSON.stringify(['builtin', BUILTIN_VERSION, eslintModules().version]);
  return { eslint: createEslint(projectDir, cacheDir, 'builtin'), config: { kind: 'builtin' }, identity, notes };
}

function createEslint(projectDir: string, cacheDir: string | undefined, kind: 'project' | 'builtin'): ESLint {
  const m = eslintModules();
  const cache = cacheDir ? cacheOptions(cacheDir, kind) : {};
  return new m.ESLint({
    cwd: path.resolve(projectDir),
    ...(kind === 'builtin' ? { overrideConfigFile: true, overrideConfig: builtinConfig(m) } : {}),
    ...cache,
    // Callers pass real, existing files: no globbing, and files the config ignores are dropped silently.
    globInputPaths: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    // ESLint's own worker threads restart and reload the config on every call: see lintFiles.ts for why not.
    concurrency: 'off',
  });
}

/**
 * `content`: a checkout or `touch` changes mtimes without changing files, and hashing ~100k lines costs a few
 * ms. One cache file per config kind, so switching trust does not thrash a single file.
 */
function cacheOptions(cacheDir: string, kind: 'project' | 'builtin'): Partial<ESLint.Options> {
  mkdirSync(cacheDir, { recursive: true });
  return { cache: true, cacheLocation: path.join(cacheDir, `${kind}.eslintcache`), cacheStrategy: 'content' };
}
