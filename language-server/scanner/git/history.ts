/** The last commit and the 30-day count from git itself, for what objects.ts cannot read (packed objects). */
import type { LastCommit } from '../../model';
import type { History } from './objects';
import { runGit } from './run';
import type { RunOptions } from './run';

/**
 * One `git log -n LOG_WINDOW` gives the last commit and, for all but the busiest repositories, the whole
 * 30-day count too; only when every one of those commits is recent does a `rev-list --count` follow.
 * Measured with status on 200 repos: status + this log 1.24x a plain status loop, status + `git log -1` +
 * `git rev-list --count --since` (always three processes) 1.84x.
 */
export const LOG_WINDOW = 100;
const FORMAT = '--format=%H%x1f%ct%x1f%at%x1f%an%x1f%s';

export interface LogEntry {
  commit: LastCommit;
  committerTime: number;
}

/** Parses `git log -z` output in FORMAT; malformed records are skipped. */
export function parseLog(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const record of text.split('\0')) {
    const [hash, ct, at, author, ...subject] = record.replace(/^\n/, '').split('\x1f');
    if (!hash || !/^[0-9a-f]{40,64}$/.test(hash) || !/^\d+$/.test(ct ?? '') || !/^\d+$/.test(at ?? '')) continue;
    const date = new Date(Number(at) * 1000).toISOString();
    entries.push({ commit: { hash, date, subject: subject.join('\x1f'), author: author ?? '' }, committerTime: Number(ct) });
  }
  return entries;
}

export async function gitHistory(oid: string, cutoff: number, opts: RunOptions): Promise<History | { error: string }> {
  const log = await runGit(['-c', 'log.showSignature=false', 'log', '-n', String(LOG_WINDOW), '-z', FORMAT, oid, '--'], opts);
  if (!log.ok) return { error: log.error };
  const entries = parseLog(log.stdout.toString('utf8'));
  const first = entries[0];
  if (!first) return { error: `git log printed no commit for ${oid}` };
  let recent = entries.filter((e) => e.committerTime >= cutoff).length;
  if (entries.length === LOG_WINDOW && (entries.at(-1)?.committerTime ?? 0) >= cutoff) {
    const count = await runGit(['rev-list', '--count', `--max-age=${cutoff}`, oid, '--'], opts);
    if (!count.ok) return { error: count.error };
    recent = Number(count.stdout.toString('utf8').trim()) || recent;
  }
  return { lastCommit: first.commit, commitsLast30Days: recent };
}
