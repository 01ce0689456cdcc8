/**
 * The keys a project documents (.env.example, .env.sample, .env.template, .env.dist: the first present) and the
 * keys its .env files set: `.env` and what a development run also loads (`.env.local`, `.env.development`,
 * `.env.development.local`). Only key names are kept, never values.
 */
import path from 'node:path';
import { parseDotenv } from '../../orchestrator/env/dotenv';
import { MAX_ENV_BYTES } from '../../orchestrator/env/envFiles';
import { DEFAULT_PROFILE, EXAMPLE_FILES, profileFiles } from '../../orchestrator/env/profiles';
import { cachedParse, fileStamp, pathKind } from './fileCache';

export interface EnvKeyFiles {
  exampleFile: string;
  exampleKeys: ReadonlySet<string>;
  /** Keys set by any of the development .env files. */
  setKeys: ReadonlySet<string>;
  /** Absolute path of `.env`, where a missing key is added. */
  envFile: string;
  envExists: boolean;
}

/** Undefined when there is no example file, or an env file exists but cannot be read: then nothing is judged. */
export async function envKeyFiles(projectDir: string): Promise<EnvKeyFiles | undefined> {
  const exampleFile = EXAMPLE_FILES.map((n) => path.join(projectDir, n)).find((f) => fileStamp(f) !== undefined);
  const exampleKeys = exampleFile ? await keysOf(exampleFile) : undefined;
  if (!exampleFile || !exampleKeys) return undefined;
  const setKeys = new Set<string>();
  for (const name of profileFiles(DEFAULT_PROFILE)) {
    const file = path.join(projectDir, name);
    const kind = pathKind(file);
    if (kind === 'none') continue;
    const keys = kind === 'file' ? await keysOf(file) : undefined;
    if (!keys) return undefined;
    keys.forEach((k) => setKeys.add(k));
  }
  const envFile = path.join(projectDir, '.env');
  return { exampleFile, exampleKeys, setKeys, envFile, envExists: pathKind(envFile) === 'file' };
}

function keysOf(file: string): Promise<ReadonlySet<string> | undefined> {
  return cachedParse(file, 'dotenv-keys', MAX_ENV_BYTES, (text) => new Set(parseDotenv(text).entries.map((e) => e.key)));
}
