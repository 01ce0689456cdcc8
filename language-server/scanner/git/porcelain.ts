/**
 * Streaming parser for `git status --porcelain=v2 --branch -z`. Counting happens on raw bytes, record by
 * record, so file names with newlines or bytes that are not UTF-8 are counted right, and a status of a
 * huge dirty tree never has to be held in memory.
 */

export interface StatusSummary {
  /** null in a repository without commits (`(initial)`). */
  oid: string | null;
  /** null when detached. */
  branch: string | null;
  detached: boolean;
  upstream: string | null;
  ahead: number | null;
  behind: number | null;
  /** Ordinary changed entries (`1`), staged or not, each file once. */
  changed: number;
  /** Renamed or copied entries (`2`). */
  renamed: number;
  /** Unmerged (conflicted) entries (`u`). */
  unmerged: number;
  /** Untracked entries (`?`); an untracked folder is one entry unless git is told otherwise. */
  untracked: number;
}

const NUL = 0;
const CH = { hash: 0x23, one: 0x31, two: 0x32, u: 0x75, q: 0x3f } as const;

export class StatusParser {
  private readonly summary: StatusSummary = {
    oid: null,
    branch: null,
    detached: false,
    upstream: null,
    ahead: null,
    behind: null,
    changed: 0,
    renamed: 0,
    unmerged: 0,
    untracked: 0,
  };
  private tail: Buffer[] = [];
  /** A rename record is followed by its original path as a separate NUL-terminated record. */
  private skipNext = false;

  push(chunk: Buffer): void {
    let start = 0;
    for (let nul = chunk.indexOf(NUL, start); nul !== -1; nul = chunk.indexOf(NUL, start)) {
      const piece = chunk.subarray(start, nul);
      this.record(this.tail.length ? Buffer.concat([...this.tail, piece]) : piece);
      this.tail = [];
      start = nul + 1;
    }
    if (start < chunk.length) this.tail.push(chunk.subarray(start));
  }

  finish(): StatusSummary {
    if (this.tail.length) this.record(Buffer.concat(this.tail));
    this.tail = [];
    return { ...this.summary };
  }

  private record(rec: Buffer): void {
    if (this.skipNext) {
      this.skipNext = false;
      return;
    }
    if (rec.length < 2) return;
    const s = this.summary;
    switch (rec[0]) {
      case CH.hash:
        this.header(rec.toString('utf8'));
        break;
      case CH.one:
        s.changed++;
        break;
      case CH.two:
        s.renamed++;
        this.skipNext = true;
        break;
      case CH.u:
        s.unmerged++;
        break;
      case CH.q:
        s.untracked++;
        break;
      default: // `!` ignored entries and anything a later git adds
    }
  }

  private header(line: string): void {
    const s = this.summary;
    const space = line.indexOf(' ', 2);
    const name = line.slice(2, space === -1 ? undefined : space);
    const value = space === -1 ? '' : line.slice(space + 1);
    if (name === 'branch.oid') s.oid = value === '(initial)' ? null : value;
    else if (name === 'branch.head') {
      s.detached = value === '(detached)';
      s.branch = s.detached ? null : value;
    } else if (name === 'branch.upstream') s.upstream = value;
    else if (name === 'branch.ab') {
      const m = /^\+(\d+) -(\d+)$/.exec(value);
      s.ahead = m ? Number(m[1]) : null;
      s.behind = m ? Number(m[2]) : null;
    }
  }
}

export function parseStatus(output: Buffer | string): StatusSummary {
  const parser = new StatusParser();
  parser.push(typeof output === 'string' ? Buffer.from(output) : output);
  return parser.finish();
}

export const changedFiles = (s: StatusSummary): number => s.changed + s.renamed + s.unmerged + s.untracked;
