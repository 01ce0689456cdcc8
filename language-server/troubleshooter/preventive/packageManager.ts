/** Which client installs a JavaScript project, and the one-line commands a quick fix offers to run. */
import path from 'node:path';
import { fileStamp } from './fileCache';
import { readPackageJson } from './packageJson';
import { ancestors, isInside } from './paths';

export type NodeClient = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** A lockfile is the strongest evidence of the client a project really uses (as the scanner's node detector says). */
const LOCKFILES: readonly (readonly [string, NodeClient])[] = [
  ['pnpm-lock.yaml', 'pnpm'], ['yarn.lock', 'yarn'], ['bun.lock', 'bun'], ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'], ['npm-shrinkwrap.json', 'npm'],
];
const CLIENTS: ReadonlySet<string> = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/**
 * Looks from `dir` up to `top` (the workspace root; `dir` itself when there is none): corepack's
 * `packageManager` first, then lockfiles. No evidence means npm.
 */
export async function nodeClient(dir: string, top: string = dir): Promise<NodeClient> {
  const dirs = isInside(dir, top) ? ancestors(dir).filter((d) => isInside(d, top)) : [dir];
  for (const d of dirs) {
    const declared = (await readPackageJson(d))?.packageManager?.split('@')[0];
    if (declared && CLIENTS.has(declared)) return declared as NodeClient;
    const lock = LOCKFILES.find(([name]) => fileStamp(path.join(d, name)));
    if (lock) return lock[1];
  }
  return 'npm';
}

export function installCommand(client: NodeClient): string {
  return `${client} install`;
}

/** `spec` is a validated package name, optionally `@version`: nothing in it needs shell quoting. */
export function addCommand(client: NodeClient, spec: string, dev: boolean): string {
  if (client === 'npm') return `npm install ${dev ? '--save-dev ' : ''}${spec}`;
  return `${client} add ${dev ? (client === 'bun' ? '-d ' : '-D ') : ''}${spec}`;
}
