import { readdir } from 'node:fs/promises';

/**
 * The discovery floor: one readdir (with file types, as a walker needs them) of each folder a scan must list,
 * all at once, with nothing done with the names. Returns how many folders were read.
 */
export async function readdirFloor(dirs: readonly string[]): Promise<number> {
  const lists = await Promise.all(dirs.map((d) => readdir(d, { withFileTypes: true })));
  return lists.length;
}
