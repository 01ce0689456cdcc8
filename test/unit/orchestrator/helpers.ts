import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A file's content, a folder, a symbolic link to `symlink` (which need not exist), or a named pipe. */
export type Entry = string | Buffer | { folder: true } | { symlink: string } | { fifo: true };
export type Tree = Record<string, Entry>;

/** A new temporary folder per call, all removed after each test of the suite that calls this. */
export function useTrees(prefix = 'optimus-orch-'): (tree: Tree) => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (tree) => {
    const root = await mkdtemp(path.join(tmpdir(), prefix));
    made.push(root);
    await writeTree(root, tree);
    return root;
  };
}

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [rel, entry] of Object.entries(tree)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) await writeFile(file, entry);
    else if ('folder' in entry) await mkdir(file, { recursive: true });
    else if ('fifo' in entry) execFileSync('mkfifo', [file]);
    else await symlink(entry.symlink, file);
  }
}

export async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
