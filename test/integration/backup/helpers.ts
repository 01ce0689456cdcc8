import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { git } from '../helpers/git';

/** Every entry under `root` (files, symlinks, folders), `/`-separated, sorted; `.git` left out. */
export async function walk(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(path.join(root, rel))).sort()) {
    const child = rel ? `${rel}/${name}` : name;
    if (child === '.git') continue;
    out.push(child);
    const info = await lstat(path.join(root, child));
    if (info.isDirectory()) out.push(...(await walk(root, child)));
  }
  return out;
}

/** Files and symlinks only: what git tracks and what a git-files backup holds. */
export async function leaves(root: string): Promise<string[]> {
  const all = await walk(root);
  const out: string[] = [];
  for (const rel of all) if (!(await lstat(path.join(root, rel))).isDirectory()) out.push(rel);
  return out;
}

/**
 * Throws naming the first difference between `original/rel` and `restored/rel`: kind, bytes, mode bits or
 * symlink target. Contents are compared whole, not by size or hash, so one flipped byte is caught.
 */
export async function assertSame(original: string, restored: string, rels: readonly string[]): Promise<void> {
  for (const rel of rels) {
    const [a, b] = await Promise.all([lstat(path.join(original, rel)), lstat(path.join(restored, rel)).catch(() => null)]);
    if (!b) throw new Error(`${rel} was not restored`);
    if (a.isSymbolicLink() !== b.isSymbolicLink() || a.isDirectory() !== b.isDirectory()) throw new Error(`${rel} came back as another kind of entry`);
    if (a.isSymbolicLink()) {
      const [ta, tb] = await Promise.all([readlink(path.join(original, rel)), readlink(path.join(restored, rel))]);
      if (ta !== tb) throw new Error(`${rel}: symlink target ${tb}, expected ${ta}`);
      continue;
    }
    if ((a.mode & 0o777) !== (b.mode & 0o777)) throw new Error(`${rel}: mode ${(b.mode & 0o777).toString(8)}, expected ${(a.mode & 0o777).toString(8)}`);
    if (a.isDirectory()) continue;
    const [ca, cb] = await Promise.all([readFile(path.join(original, rel)), readFile(path.join(restored, rel))]);
    if (!ca.equals(cb)) throw new Error(`${rel}: content differs (${cb.length} bytes, expected ${ca.length})`);
  }
}

/** Deterministic pseudo-random bytes: incompressible like real binaries, and the same on every run. */
export function pseudoRandom(bytes: number, seed = 'optimus'): Buffer {
  const out = Buffer.alloc(bytes);
  let block = createHash('sha256').update(seed).digest();
  for (let off = 0; off < bytes; off += block.length) {
    block.copy(out, off);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export async function write(root: string, rel: string, content: string | Buffer, mode?: number): Promise<void> {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content, mode === undefined ? undefined : { mode });
}

/** `name -> sha` for every ref, HEAD included, as `git show-ref --head` prints them. */
export async function refsOf(repo: string): Promise<Map<string, string>> {
  const out = await git(repo, 'show-ref', '--head');
  return new Map(out.split('\n').filter(Boolean).map((line) => {
    const [sha, name] = line.split(' ');
    return [name as string, sha as string];
  }));
}

export interface CraftedEntry {
  path: string;
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'CharacterDevice';
  linkpath?: string;
  body?: string;
  mode?: number;
}

/**
 * A .tar.gz written block by block with tar's Header encoder, which (unlike tar's Pack) writes whatever
 * path it is given: `../x`, `/etc/x`, links anywhere. What a hostile archive would hold.
 */
export function craftTarGz(entries: readonly CraftedEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.body ?? '');
    const type = e.type ?? 'File';
    const h = new Header({ path: e.path, type, linkpath: e.linkpath, size: type === 'File' ? body.length : 0, mode: e.mode ?? 0o644, mtime: new Date(0) });
    h.encode();
    blocks.push(h.block as Buffer);
    if (type === 'File' && body.length > 0) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** All files (recursively) under `dir`; [] when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    return await walk(dir);
  } catch {
    return [];
  }
}
