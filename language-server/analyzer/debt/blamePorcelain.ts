/**
 * Reads `git blame --porcelain` output into the author time of each final line. A commit's headers (author-time
 * among them) are printed only the first time the commit appears, so times are kept per commit.
 */
export function blameTimes(output: string): Map<number, number> {
  const commitTime = new Map<string, number>();
  const lineCommit = new Map<number, string>();
  let current: string | null = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) {
      current = null;
      continue;
    }
    const header = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (header) {
      current = header[1] as string;
      lineCommit.set(Number(header[2]), current);
      continue;
    }
    const time = /^author-time (\d+)$/.exec(line);
    if (time && current) commitTime.set(current, Number(time[1]));
  }
  return joinTimes(lineCommit, commitTime);
}

/** Lines not committed yet (all-zero id) have no age and are left out. */
function joinTimes(lineCommit: Map<number, string>, commitTime: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [line, commit] of lineCommit) {
    const time = commitTime.get(commit);
    if (time !== undefined && !/^0+$/.test(commit)) out.set(line, time);
  }
  return out;
}

/** 1-based line numbers → as few `-L a,b` ranges as cover them, at most `max` (the rest are dropped). */
export function lineRanges(lines: readonly number[], max: number): Array<[number, number]> {
  const sorted = [...new Set(lines)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else if (ranges.length < max) ranges.push([n, n]);
    else break;
  }
  return ranges;
}
