import type { Database, SqlJsStatic } from 'sql.js';
import { errnoCode, errorMessage } from './errors';
import type { FileStamp } from './fileSnapshot';
import { readSnapshot } from './fileSnapshot';

/**
 * `integrity` reads every page (used when opening); `quick` skips the index cross-checks and is used when
 * reloading a file another process has just written under the lock, where a full check on every write would
 * make writes cost more than they do.
 */
export type CheckLevel = 'integrity' | 'quick';

export type DiskState =
  | { kind: 'missing' }
  | { kind: 'ok'; db: Database; stamp: FileStamp }
  | { kind: 'bad'; reason: string; stamp: FileStamp | null };

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Errors that mean "this path cannot be used as our database"; others (EMFILE, EIO, ...) may pass, so we rethrow. */
const UNREADABLE = new Set(['EACCES', 'EPERM', 'EISDIR']);

export function configure(db: Database): void {
  db.exec('PRAGMA foreign_keys = ON');
}

export function freshDatabase(SQL: SqlJsStatic): Database {
  const db = new SQL.Database();
  configure(db);
  return db;
}

export async function loadFromDisk(SQL: SqlJsStatic, file: string, level: CheckLevel): Promise<DiskState> {
  let snapshot;
  try {
    snapshot = await readSnapshot(file);
  } catch (error) {
    const code = errnoCode(error);
    if (code === undefined || !UNREADABLE.has(code)) throw error;
    return { kind: 'bad', reason: `cannot be read (${errorMessage(error)})`, stamp: null };
  }
  if (snapshot.kind === 'missing') return snapshot;
  if (snapshot.kind === 'not-a-file') return { kind: 'bad', reason: 'is not a regular file (a folder or a device is in its place)', stamp: snapshot.stamp };
  const opened = openBytes(SQL, snapshot.bytes, level);
  return typeof opened === 'string' ? { kind: 'bad', reason: opened, stamp: snapshot.stamp } : { kind: 'ok', db: opened, stamp: snapshot.stamp };
}

/** The database, or the reason these bytes are not a usable SQLite database. */
export function openBytes(SQL: SqlJsStatic, bytes: Uint8Array, level: CheckLevel): Database | string {
  if (bytes.length === 0) return 'is empty (0 bytes)';
  if (!hasSqliteHeader(bytes)) return 'is not a SQLite database (it does not start with the SQLite header)';
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const problem = firstProblem(db, level);
    if (problem === undefined) {
      configure(db);
      return db;
    }
    db.close();
    return `failed the SQLite ${level} check: ${problem}`;
  } catch (error) {
    db?.close();
    return `cannot be read by SQLite: ${errorMessage(error)}`;
  }
}

function firstProblem(db: Database, level: CheckLevel): string | undefined {
  const rows = db.exec(level === 'integrity' ? 'PRAGMA integrity_check(5)' : 'PRAGMA quick_check(5)')[0]?.values ?? [];
  const messages = rows.map((row) => String(row[0]));
  return messages.length === 1 && messages[0] === 'ok' ? undefined : messages.join('; ') || 'no result';
}

function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_HEADER.length) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  return true;
}
