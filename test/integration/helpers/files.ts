import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a tree of files given as { 'a/b/package.json': '{...}' }; folders are made as needed. */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
