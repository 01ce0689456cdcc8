import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Stack } from '../../../language-server/model';

/** A file's content, a folder, a symbolic link to `symlink` (which need not exist), or a named pipe. */
export type Entry = string | Buffer | { folder: true } | { symlink: string } | { fifo: true };
export type Tree = Record<string, Entry>;

/** A new temporary folder per call (named `name` inside a fresh temp folder), all removed after each test. */
export function useTrees(prefix = 'optimus-deploy-'): (tree: Tree, name?: string) => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (tree, name = 'app') => {
    const parent = await mkdtemp(path.join(tmpdir(), prefix));
    made.push(parent);
    const root = path.join(parent, name);
    await mkdir(root);
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

export const names = (dir: string): Promise<string[]> => readdir(dir);

export function stack(languages: string[], frameworks: string[] = [], packageManagers: string[] = []): Stack {
  return { languages, frameworks, packageManagers };
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Tests that need a file root cannot read only mean something when not running as root. */
export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;
