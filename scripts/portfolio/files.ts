import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../../language-server/util/limit';
import type { FileMap } from './types';

/** Writes every file of `files` under `root`: folders first (each once), then the files, `concurrency` at a time. */
export async function writeFiles(root: string, files: FileMap, concurrency = 64): Promise<number> {
  const entries = Object.entries(files);
  const dirs = new Set<string>();
  for (const [file] of entries) dirs.add(path.posix.dirname(file));
  const sorted = [...dirs].filter((d) => d !== '.').sort();
  const leaves = sorted.filter((d, i) => !(sorted[i + 1] ?? '').startsWith(`${d}/`));
  await mkdir(root, { recursive: true });
  await mapLimit(leaves, concurrency, (d) => mkdir(path.join(root, d), { recursive: true }));
  await mapLimit(entries, concurrency, ([file, text]) => writeFile(path.join(root, file), text));
  return entries.length;
}

/** Every file under `root` as a sorted posix path, without descending into .git. */
export async function listFiles(root: string, skipGit = true): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!(skipGit && e.name === '.git')) await walk(child);
        } else out.push(child);
      }),
    );
  };
  await walk('');
  return out.sort();
}
