import fs from 'node:fs/promises';
import { errnoCode } from './errors';

const MAX_ATTEMPTS = 100;

/**
 * Moves a damaged database out of the way to `<file>.corrupt-<ISO time without colons>` and returns where it
 * went. Never deletes and never overwrites: a previous moved-aside copy with the same name gets a suffix instead,
 * because these files are the user's only chance to recover data by hand. Callers hold the store lock.
 */
export async function moveAside(file: string, now: Date): Promise<string> {
  const base = `${file}.corrupt-${now.toISOString().replace(/:/g, '')}`;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const target = attempt === 1 ? base : `${base}-${attempt}`;
    if (await exists(target)) continue;
    await fs.rename(file, target);
    return target;
  }
  throw new Error(`too many moved-aside copies named ${base}*`);
}

async function exists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}
