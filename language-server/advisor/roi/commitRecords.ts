/** One commit as the hours estimate sees it: who (after .mailmap) and when (the author date). */
export interface AuthoredCommit {
  name: string;
  email: string;
  /** Author date, seconds since the epoch (UTC). */
  time: number;
}

/** `git log -z` in this format: one NUL-terminated record per commit, fields split by US (0x1f). */
export const LOG_FORMAT = '--format=%at%x1f%aN%x1f%aE';

/** The last second a JavaScript Date can hold: a later (corrupt) author date could not be put in a month. */
const MAX_TIME = 8_640_000_000_000;

/** A name or email longer than this is not a person's: the record is skipped rather than kept in memory. */
const MAX_RECORD_BYTES = 4096;

/** Parses one record; null for anything malformed (a commit without a parsable author date, say). */
export function parseRecord(record: string): AuthoredCommit | null {
  const [at, name, email, ...rest] = record.replace(/^\n/, '').split('\x1f');
  if (rest.length > 0 || at === undefined || name === undefined || email === undefined || !/^\d+$/.test(at)) return null;
  if (Number(at) > MAX_TIME) return null;
  return { time: Number(at), name: name.trim(), email: email.trim() };
}

/**
 * Splits git's stdout into records as it arrives, so a long history is never held as one string; `onRecord`
 * gets each whole record, `skipped` counts records that could not be parsed.
 */
export class RecordSplitter {
  private rest: Buffer = Buffer.alloc(0);
  /** Inside a record too long to keep: everything up to its NUL is dropped. */
  private discarding = false;
  skipped = 0;

  constructor(private readonly onRecord: (commit: AuthoredCommit) => void) {}

  push(chunk: Buffer): void {
    let data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    for (let nul = data.indexOf(0); nul !== -1; nul = data.indexOf(0)) {
      if (this.discarding) this.discarding = false;
      else this.take(data.subarray(0, nul));
      data = data.subarray(nul + 1);
    }
    if (this.discarding || data.length <= MAX_RECORD_BYTES) {
      this.rest = this.discarding ? Buffer.alloc(0) : Buffer.from(data);
      return;
    }
    // A record with no end in sight is dropped instead of growing without bound.
    this.skipped++;
    this.discarding = true;
    this.rest = Buffer.alloc(0);
  }

  /** The last record may lack its terminator. */
  finish(): void {
    if (this.rest.length > 0 && !this.discarding) this.take(this.rest);
    this.discarding = false;
    this.rest = Buffer.alloc(0);
  }

  private take(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const commit = bytes.length <= MAX_RECORD_BYTES ? parseRecord(bytes.toString('utf8')) : null;
    if (commit) this.onRecord(commit);
    else this.skipped++;
  }
}
