import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Stack } from '../../../language-server/model';
import { writeTree, type Tree } from '../orchestrator/helpers';

export type { Entry, Tree } from '../orchestrator/helpers';
export { writeTree };

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


export const names = (dir: string): Promise<string[]> => readdir(dir);

export function stack(languages: string[], frameworks: string[] = [], packageManagers: string[] = []): Stack {
  return { languages, frameworks, packageManagers };
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Tests that need a file root cannot read only mean something when not running as root. */
export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;
