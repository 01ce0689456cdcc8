import path from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { ensureDir, removeOrphanTemps, writeFileAtomic } from './atomicFile';
import { errorMessage, StoreError } from './errors';
import type { FileStamp } from './fileSnapshot';
import { sameStamp, statStamp } from './fileSnapshot';
import { configure, freshDatabase, loadFromDisk } from './loadDatabase';
import type { DiskState } from './loadDatabase';
import type { LockOptions } from './lock';
import { isAlive, lockPathFor, withLock } from './lock';
import { inspectSchema, LATEST_VERSION, migrate } from './migrations';
import type { SchemaState } from './migrations';
import { moveAside } from './quarantine';
import { SerialQueue } from './serialQueue';
import { MEMORY_PATH } from './storePath';
import { loadSqlJs } from './wasm';

export interface StoreOptions {
  lock?: LockOptions;
  /** Clock for the names of moved-aside files and migration records; tests pin it. */
  now?: () => Date;
  /** Told about problems a running store worked around (a damaged file written by another process, ...). */
  onProblem?: (problem: StoreProblem) => void;
}

export interface StoreProblem {
  message: string;
  movedTo?: string;
}

/** Set when the file could not be used as it was. `reason` is written for the user; show it as is. */
export interface Recovery {
  /** Where the damaged file now is; null when it could not be moved and the store works in memory. */
  movedTo: string | null;
  reason: string;
  /** True when nothing will be saved to disk by this store. */
  inMemory: boolean;
}

export interface OpenResult {
  store: Store;
  recovered?: Recovery;
}

type Callback<T> = (db: Database) => T;

/**
 * The Optimus database: a sql.js copy in memory of one SQLite file shared by several processes (a language
 * server per VS Code window, the CLI). Writes are read-modify-write under a cross-process lock file, so no
 * process loses another's write; reads reload the file when another process has replaced it.
 *
 * Callbacks run synchronously on the sql.js database and must not call back into the same store (its
 * operations run one at a time, so that would wait forever).
 */
export class Store {
  private stamp: FileStamp | null = null;
  /** A damaged file seen by a read: not re-read on every read, moved aside by the next write. */
  private badStamp: FileStamp | null = null;
  private schemaReadOnly: string | undefined;
  private lockReadOnly: string | undefined;
  private closed = false;
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly SQL: SqlJsStatic,
    readonly file: string,
    private db: Database,
    private readonly persistent: boolean,
    private readonly options: StoreOptions,
  ) {}

  /**
   * Opens (creating or migrating as needed) the database at `file`, or an in-memory one for `:memory:`.
   * A damaged file is moved aside and reported in `recovered`; a file from a newer Optimus, or a SQLite file
   * that is not ours, opens read-only (see `readOnlyReason`) and is never modified.
   */
  static async open(file: string, options: StoreOptions = {}): Promise<OpenResult> {
    const SQL = await loadSqlJs();
    if (file === MEMORY_PATH) return { store: Store.inMemory(SQL, file, options) };
    const absolute = path.resolve(file);
    try {
      await ensureDir(path.dirname(absolute));
    } catch (error) {
      return Store.memoryFallback(SQL, absolute, options, `its folder cannot be created (${errorMessage(error)})`);
    }
    try {
      return await withLock(lockPathFor(absolute), options.lock ?? {}, () => Store.openLocked(SQL, absolute, options));
    } catch (error) {
      if (error instanceof StoreError && error.code === 'lock-failed') return Store.openWithoutLock(SQL, absolute, options, error.message);
      throw error;
    }
  }

  get inMemory(): boolean {
    return !this.persistent;
  }

  /** Why writes are refused, when they are; reads still work. */
  get readOnlyReason(): string | undefined {
    return this.lockReadOnly ?? this.schemaReadOnly;
  }

  get lockPath(): string {
    return lockPathFor(this.file);
  }

  /** Runs `fn` on the current data (reloaded first if another process saved). `fn` cannot modify anything. */
  read<T>(fn: Callback<T>): Promise<T> {
    return this.queue.run(async () => {
      this.assertOpen();
      await this.refresh(false);
      return this.query(fn);
    });
  }

  /**
   * Runs `fn` in a transaction on the latest data and saves: lock, reload if another process saved, run,
   * save atomically, unlock. If `fn` throws, nothing changes and the error is passed on.
   */
  write<T>(fn: Callback<T>): Promise<T> {
    return this.queue.run(async () => {
      this.assertOpen();
      this.assertWritable();
      if (!this.persistent) return this.transact(fn);
      return withLock(this.lockPath, this.options.lock ?? {}, () => this.writeLocked(fn));
    });
  }

  /** Waits for pending operations, then frees the database. Later calls fail with a `closed` StoreError. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.db.close();
    });
  }

  /** Passes a problem to the `onProblem` listener; also used by adapters that must not throw (indexPersistence). */
  reportProblem(problem: StoreProblem): void {
    try {
      this.options.onProblem?.(problem);
    } catch {
      // a failing listener must not break the store
    }
  }

  private static inMemory(SQL: SqlJsStatic, file: string, options: StoreOptions): Store {
    const store = new Store(SQL, file, freshDatabase(SQL), false, options);
    store.adoptSchema();
    return store;
  }

  private static memoryFallback(SQL: SqlJsStatic, file: string, options: StoreOptions, why: string): OpenResult {
    const reason = `Cannot use the Optimus database ${file}: ${why}. Working with an in-memory database instead; nothing will be saved.`;
    return { store: Store.inMemory(SQL, file, options), recovered: { movedTo: null, reason, inMemory: true } };
  }

  private static async openLocked(SQL: SqlJsStatic, file: string, options: StoreOptions): Promise<OpenResult> {
    await removeOrphanTemps(file, isAlive);
    await removeOrphanTemps(lockPathFor(file), isAlive); // a lock taker killed before it linked its temp file
    const disk = await loadFromDisk(SQL, file, 'integrity');
    if (disk.kind === 'ok') return { store: await Store.fromDisk(SQL, file, options, disk) };
    if (disk.kind === 'missing') return { store: await Store.fromDisk(SQL, file, options, null) };
    let movedTo: string;
    try {
      movedTo = await moveAside(file, options.now?.() ?? new Date());
    } catch (error) {
      return Store.memoryFallback(SQL, file, options, `it ${disk.reason}, and it could not be moved aside (${errorMessage(error)})`);
    }
    const reason = `The Optimus database ${file} ${disk.reason}. It was moved to ${movedTo} (kept, not deleted) and a new empty database was created.`;
    return { store: await Store.fromDisk(SQL, file, options, null), recovered: { movedTo, reason, inMemory: false } };
  }

  /** Migrates and saves when needed. `disk` null means start empty. */
  private static async fromDisk(SQL: SqlJsStatic, file: string, options: StoreOptions, disk: Extract<DiskState, { kind: 'ok' }> | null): Promise<Store> {
    const store = new Store(SQL, file, disk?.db ?? freshDatabase(SQL), true, options);
    store.stamp = disk?.stamp ?? null;
    try {
      if (store.adoptSchema() || disk === null) await store.persist();
    } catch (error) {
      store.db.close();
      throw error;
    }
    return store;
  }

  /**
   * The lock file cannot be created (read-only folder, ...). A file we can read is still worth showing, so it
   * opens read-only; otherwise there is nothing to show and we work in memory.
   */
  private static async openWithoutLock(SQL: SqlJsStatic, file: string, options: StoreOptions, lockError: string): Promise<OpenResult> {
    const disk = await loadFromDisk(SQL, file, 'integrity').catch((): DiskState => ({ kind: 'missing' }));
    if (disk.kind !== 'ok') return Store.memoryFallback(SQL, file, options, lockError);
    const store = new Store(SQL, file, disk.db, true, options);
    store.stamp = disk.stamp;
    store.adoptSchema();
    store.lockReadOnly = `${lockError}. The database is open read-only; changes cannot be saved.`;
    return { store };
  }

  private async writeLocked<T>(fn: Callback<T>): Promise<T> {
    await this.refresh(true);
    this.assertWritable(); // the reload may have brought in a file from a newer Optimus
    const result = this.transact(fn);
    await this.persist();
    return result;
  }

  /** Brings the in-memory copy up to date with the file. `repair` (under the lock) moves a damaged file aside. */
  private async refresh(repair: boolean): Promise<void> {
    if (!this.persistent || !(await this.diskChanged(repair))) return;
    const disk = await loadFromDisk(this.SQL, this.file, 'quick');
    if (disk.kind === 'ok') this.adopt(disk.db, disk.stamp);
    else if (disk.kind === 'bad') await this.handleBadFile(disk.reason, disk.stamp, repair);
    // missing: keep what we have; the next write recreates the file from it
  }

  private async diskChanged(repair: boolean): Promise<boolean> {
    let current: FileStamp | null;
    try {
      current = await statStamp(this.file);
    } catch (error) {
      if (repair) throw error;
      this.reportProblem({ message: `Cannot check ${this.file} for changes (${errorMessage(error)}); showing the data read last.` });
      return false;
    }
    if (current === null || sameStamp(current, this.stamp)) return false;
    return repair || !sameStamp(current, this.badStamp);
  }

  private adopt(db: Database, stamp: FileStamp): void {
    const previous = this.db;
    this.db = db;
    this.stamp = stamp;
    this.badStamp = null;
    previous.close();
    this.adoptSchema(); // an older file (written by an older Optimus) is migrated here and saved by the next write
  }

  /**
   * Keeps serving the last good data: a file damaged by someone else must not take the running store down.
   * A write moves the damaged file aside and saves the data this process holds in its place.
   */
  private async handleBadFile(reason: string, stamp: FileStamp | null, repair: boolean): Promise<void> {
    if (!repair) {
      this.badStamp = stamp ?? (await statStamp(this.file).catch(() => null));
      this.reportProblem({ message: `The Optimus database ${this.file} ${reason}; showing the data read last. It will be moved aside on the next save.` });
      return;
    }
    let movedTo: string;
    try {
      movedTo = await moveAside(this.file, this.now());
    } catch (error) {
      throw new Error(`The Optimus database ${this.file} ${reason}, and it cannot be moved aside (${errorMessage(error)}); not saving over it.`);
    }
    this.stamp = null;
    this.badStamp = null;
    this.reportProblem({ message: `The Optimus database ${this.file} ${reason}. It was moved to ${movedTo} (kept, not deleted); the data this process held is saved in its place.`, movedTo });
  }

  /** Returns true when it migrated; sets the read-only reason for files that must not be touched. */
  private adoptSchema(): boolean {
    const state = inspectSchema(this.db);
    this.schemaReadOnly = schemaReadOnlyReason(this.file, state);
    if (this.schemaReadOnly !== undefined) return false;
    const { from, to } = migrate(this.db, LATEST_VERSION, this.now());
    return from !== to;
  }

  private transact<T>(fn: Callback<T>): T {
    this.db.exec('BEGIN');
    try {
      const result = fn(this.db);
      assertSynchronous(result);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // fn already ended the transaction itself
      }
      throw error;
    }
  }

  private query<T>(fn: Callback<T>): T {
    this.db.exec('PRAGMA query_only = ON'); // a write slipped into read() fails loudly instead of being lost on reload
    try {
      const result = fn(this.db);
      assertSynchronous(result);
      return result;
    } finally {
      this.db.exec('PRAGMA query_only = OFF');
    }
  }

  /** On failure the in-memory change is dropped (reload from disk next time): a failed write changes nothing. */
  private async persist(): Promise<void> {
    const bytes = this.db.export();
    configure(this.db); // export closes and reopens the connection, which resets per-connection pragmas
    try {
      this.stamp = await writeFileAtomic(this.file, bytes);
      this.badStamp = null;
    } catch (error) {
      this.stamp = null;
      throw new Error(`Could not save the Optimus database ${this.file}: ${errorMessage(error)}. The change was not saved.`, { cause: error });
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', `The Optimus database ${this.file} is closed.`);
  }

  private assertWritable(): void {
    const reason = this.readOnlyReason;
    if (reason !== undefined) throw new StoreError('read-only', reason);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

}

function schemaReadOnlyReason(file: string, state: SchemaState): string | undefined {
  if (state.kind === 'foreign') {
    return `${file} is a SQLite database but not an Optimus one (it has tables ${state.tables.slice(0, 5).join(', ')} and no schema_version); it is open read-only so that it is not modified. Point Optimus at another file.`;
  }
  if (state.version > LATEST_VERSION) {
    return `${file} was written by a newer Optimus (schema version ${state.version}; this one knows up to ${LATEST_VERSION}). It is open read-only so that it is not damaged; update Optimus to make changes.`;
  }
  return undefined;
}

function assertSynchronous(result: unknown): void {
  if (typeof (result as { then?: unknown } | null)?.then !== 'function') return;
  (result as Promise<unknown>).then(undefined, () => undefined); // its rejection is reported by the error below
  throw new StoreError('bad-callback', 'Store callbacks must be synchronous: the transaction ends when the callback returns.');
}
