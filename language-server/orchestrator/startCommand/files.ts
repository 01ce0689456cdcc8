import { readdir, stat } from 'node:fs/promises';

/** True for an existing regular file (following links); false for anything else, including errors. */
export async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Names of the sub-folders of `dir`, sorted; empty when it cannot be read. */
export async function subfolders(dir: string, limit: number): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort().slice(0, limit);
  } catch {
    return [];
  }
}

/** Names in `dir`; empty when it cannot be read (the caller then finds nothing rather than failing). */
export async function entryNamesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
