import path from 'node:path';
import type { DetectContext } from '../../scanner/ecosystems/detector';
import { asString } from '../../scanner/ecosystems/values';
import { isFile } from './files';

export type NodeClient = 'npm' | 'pnpm' | 'yarn' | 'bun';

const CLIENTS: ReadonlySet<string> = new Set<NodeClient>(['npm', 'pnpm', 'yarn', 'bun']);

/** Checked in this order when several are present: a pnpm or bun lock next to a stray package-lock is the real one. */
const LOCKFILES: readonly (readonly [string, NodeClient])[] = [
  ['pnpm-lock.yaml', 'pnpm'], ['bun.lock', 'bun'], ['bun.lockb', 'bun'], ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'], ['npm-shrinkwrap.json', 'npm'],
];

/** A workspace member's lockfile sits at the monorepo root, a few folders up. */
const MAX_PARENT_LEVELS = 4;

/** The `packageManager` field (corepack) if it names a client, else the nearest lockfile, else npm. */
export async function nodeClient(ctx: DetectContext, pkg: Record<string, unknown>): Promise<NodeClient> {
  const declared = asString(pkg.packageManager)?.split('@')[0]?.trim();
  if (declared && CLIENTS.has(declared)) return declared as NodeClient;
  const here = LOCKFILES.find(([file]) => ctx.names.has(file));
  if (here) return here[1];
  return (await parentLockClient(ctx.dir)) ?? 'npm';
}

async function parentLockClient(dir: string): Promise<NodeClient | undefined> {
  let current = path.resolve(dir);
  for (let level = 0; level < MAX_PARENT_LEVELS; level++) {
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
    // a lockfile without a package.json beside it is stray (a lock in the folder all projects live in)
    if (!(await isFile(path.join(current, 'package.json')))) continue;
    for (const [file, client] of LOCKFILES) if (await isFile(path.join(current, file))) return client;
  }
  return undefined;
}

/** How each client runs a script. `pnpm dev` and `yarn dev` are what their users type; npm and bun need `run`. */
export function runScript(client: NodeClient, script: string): string {
  return client === 'pnpm' || client === 'yarn' ? `${client} ${script}` : `${client} run ${script}`;
}
