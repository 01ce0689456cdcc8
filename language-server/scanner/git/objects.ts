/**
 * Reads commits straight from the object store (loose zlib files under objects/xx/, else pack files), so the
 * last commit and the 30-day count cost no git process; see state.ts for the measurements. Anything this does
 * not handle (alternates, a delta-compressed commit, a non-UTF-8 commit encoding, a long recent history)
 * returns null and the caller asks git instead.
 */
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { LastCommit } from '../../model';
import { PackReader } from './pack';
import { readFile } from './refs';

export interface CommitObject {
  parents: string[];
  /** Seconds since the epoch. */
  authorTime: number;
  /** Seconds since the epoch; what `--since` compares. */
  committerTime: number;
  author: string;
  /** As git's `%s` prints it: the first paragraph, lines right-trimmed and joined by spaces. */
  subject: string;
  encoding: string | null;
}

export interface History {
  lastCommit: LastCommit;
  commitsLast30Days: number;
}

/** A commit object is a few hundred bytes; this only stops a corrupt or hostile file from ballooning. */
const MAX_OBJECT_BYTES = 1 << 20;
/**
 * Each commit read here is a chain of async file reads (~0.15 ms CPU); beyond this many recent commits one
 * `git log` (commit-graph, mmapped packs) is cheaper, and it is needed for the count past its window anyway.
 */
const MAX_WALK = 100;

export function parseLooseObject(raw: Buffer): { type: string; body: string } | null {
  let data: Buffer;
  try {
    data = inflateSync(raw, { maxOutputLength: MAX_OBJECT_BYTES });
  } catch {
    return null;
  }
  const nul = data.indexOf(0);
  const m = nul === -1 ? null : /^([a-z]+) (\d+)$/.exec(data.toString('latin1', 0, nul));
  if (!m?.[1] || Number(m[2]) !== data.length - nul - 1) return null;
  return { type: m[1], body: data.toString('utf8', nul + 1) };
}

const IDENT = /^(.*?) <[^>]*> (\d+)(?: [+-]\d{4})?$/;

export function parseCommit(text: string): CommitObject | null {
  const split = text.indexOf('\n\n');
  const headers = (split === -1 ? text : text.slice(0, split)).split('\n');
  const parents: string[] = [];
  let author: RegExpExecArray | null = null;
  let committer: RegExpExecArray | null = null;
  let encoding: string | null = null;
  for (const line of headers) {
    if (line.startsWith(' ')) continue; // continuation of a multi-line header (gpgsig, mergetag)
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'parent') parents.push(value);
    else if (key === 'author') author = IDENT.exec(value);
    else if (key === 'committer') committer = IDENT.exec(value);
    else if (key === 'encoding') encoding = value;
  }
  if (!author || !committer) return null;
  const message = split === -1 ? '' : text.slice(split + 2);
  return { parents, authorTime: Number(author[2]), committerTime: Number(committer[2]), author: author[1] ?? '', subject: subjectOf(message), encoding };
}

function subjectOf(message: string): string {
  const lines = message.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const out: string[] = [];
  for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) out.push((lines[i] ?? '').trimEnd());
  return out.join(' ');
}

async function readCommit(objectsDir: string, packs: PackReader, oid: string): Promise<CommitObject | null> {
  const raw = await readFile(path.join(objectsDir, oid.slice(0, 2), oid.slice(2))).catch(() => null);
  if (raw) {
    const obj = parseLooseObject(raw);
    return obj?.type === 'commit' ? parseCommit(obj.body) : null;
  }
  const packed = await packs.read(oid);
  return packed ? parseCommit(packed.body.toString('utf8')) : null; // null: in an alternate, or missing
}

const isUtf8 = (encoding: string | null): boolean => encoding === null || /^utf-?8$/i.test(encoding);

/**
 * The commit at `head` and the number of commits reachable from it with a committer date at or after
 * `cutoff` (seconds), counted as `git rev-list --since` does: the walk does not go past an older commit.
 */
export async function readHistory(objectsDir: string, head: string, cutoff: number): Promise<History | null> {
  const packs = new PackReader(objectsDir);
  try {
    return await walk((oid) => readCommit(objectsDir, packs, oid), head, cutoff);
  } finally {
    await packs.close();
  }
}

async function walk(read: (oid: string) => Promise<CommitObject | null>, head: string, cutoff: number): Promise<History | null> {
  const first = await read(head);
  if (!first || !isUtf8(first.encoding)) return null;
  const lastCommit: LastCommit = { hash: head, date: new Date(first.authorTime * 1000).toISOString(), subject: first.subject, author: first.author };
  const seen = new Set([head]);
  const pending = [first];
  let recent = 0;
  for (let commit = pending.pop(); commit; commit = pending.pop()) {
    if (commit.committerTime < cutoff) continue;
    if (++recent > MAX_WALK) return null;
    const parents = commit.parents.filter((p) => !seen.has(p));
    for (const p of parents) seen.add(p);
    const loaded = await Promise.all(parents.map(read));
    for (const c of loaded) {
      if (!c) return null;
      pending.push(c);
    }
  }
  return { lastCommit, commitsLast30Days: recent };
}
