import os from 'node:os';
import path from 'node:path';

export const MEMORY_PATH = ':memory:';
export const STORE_FILE_NAME = 'optimus.sqlite';

/** Where the caller wants the database, most specific first. Empty strings count as "not given". */
export interface StorePathOverride {
  /** An explicit database file, e.g. the CLI's `--db PATH`, or `:memory:`. */
  file?: string | null;
  /** A folder to keep `optimus.sqlite` in, e.g. VS Code's global storage path. */
  dir?: string | null;
}

/**
 * The database file to use: `file`, then `dir/optimus.sqlite`, then `$OPTIMUS_HOME/optimus.sqlite`, then
 * `~/.optimus/optimus.sqlite`. Relative paths are resolved against the current directory so that a process
 * changing directory later still finds the same file.
 */
export function resolveStorePath(override: StorePathOverride = {}, env: NodeJS.ProcessEnv = process.env, homedir: string = os.homedir()): string {
  if (override.file === MEMORY_PATH) return MEMORY_PATH;
  if (override.file) return path.resolve(override.file);
  if (override.dir) return path.resolve(override.dir, STORE_FILE_NAME);
  return path.join(optimusHome(env, homedir), STORE_FILE_NAME);
}

/** `$OPTIMUS_HOME`, defaulting to `~/.optimus`. */
export function optimusHome(env: NodeJS.ProcessEnv = process.env, homedir: string = os.homedir()): string {
  const fromEnv = env.OPTIMUS_HOME;
  return fromEnv ? path.resolve(fromEnv) : path.join(homedir, '.optimus');
}
