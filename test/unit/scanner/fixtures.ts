import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { identifyProject } from '../../../language-server/scanner/identify';
import { attachLockedVersions } from '../../../language-server/scanner/lockfiles';
import type { Identity } from '../../../language-server/scanner/identify';

/** A file's content, or a folder, or a symbolic link to `target` (which need not exist). */
export type Entry = string | Buffer | { folder: true } | { symlink: string };
export type Tree = Record<string, Entry>;

const created: string[] = [];

/** Writes `tree` (relative paths → entries) into a new temporary folder and returns its path. */
export async function makeTree(tree: Tree): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'optimus-scanner-'));
  created.push(root);
  for (const [rel, entry] of Object.entries(tree)) await writeEntry(join(root, rel), entry);
  return root;
}

async function writeEntry(path: string, entry: Entry): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  if (typeof entry === 'string' || Buffer.isBuffer(entry)) await writeFile(path, entry);
  else if ('folder' in entry) await mkdir(path, { recursive: true });
  else await symlink(entry.symlink, path);
}

/** Builds the tree and identifies its top folder the way discovery would: from its listing. */
export async function identifyTree(tree: Tree): Promise<Identity & { dir: string }> {
  const dir = await makeTree(tree);
  return { ...(await identifyProject(dir, await readdir(dir))), dir };
}

export async function removeTrees(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** `name@range:kind` for each dependency of every manifest, for compact assertions. */
export function depList(identity: Pick<Identity, 'dependencies'>): string[] {
  return identity.dependencies.manifests.flatMap((m) => m.dependencies.map((d) => `${d.name}@${d.range}:${d.kind}`));
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Identifies the tree, attaches locked versions and returns `name=locked` per dependency plus findings. */
export async function locked(tree: Tree, options: { maxBytes?: number } = {}): Promise<{ versions: string[]; lockfiles: (string | undefined)[]; findings: string[]; dir: string }> {
  const id = await identifyTree(tree);
  const findings = await attachLockedVersions(id.dir, id.dependencies.manifests, options);
  return {
    dir: id.dir,
    versions: id.dependencies.manifests.flatMap((m) => m.dependencies.map((d) => `${d.name}=${d.locked ?? '-'}`)),
    lockfiles: id.dependencies.manifests.map((m) => m.lockfile?.slice(id.dir.length + 1)),
    findings: findings.map((f) => `${f.code}: ${f.message}`),
  };
}
