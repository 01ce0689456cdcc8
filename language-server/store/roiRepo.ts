import type { Database } from 'sql.js';
import type { MoneyItem, Recurrence } from '../advisor/roi/roiFormulas';
import type { Store } from './store';

/** Whether an entry is money going out of the project or coming in. */
export type RoiDirection = 'cost' | 'revenue';

/** A cost or revenue the user entered for a project (table `roi_entries`, migration step 7). */
export interface RoiEntry extends MoneyItem {
  id: number;
  /** Absolute path of the project folder. */
  projectPath: string;
  direction: RoiDirection;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export type NewRoiEntry = Pick<RoiEntry, 'direction' | 'name' | 'amount' | 'kind' | 'since'>;

const COLUMNS = 'id, project_path, direction, name, amount, recurrence, since, created_at';

/** Adds one entry and returns it with its id. Throws on a negative or non-finite amount: the caller checks first. */
export function addRoiEntry(store: Store, projectPath: string, entry: NewRoiEntry, now: Date = new Date()): Promise<RoiEntry> {
  if (!Number.isFinite(entry.amount) || entry.amount < 0) throw new RangeError(`An amount must be a number of at least 0 (got ${entry.amount}).`);
  return store.write((db) => {
    const createdAt = now.toISOString();
    db.run('INSERT INTO roi_entries (project_path, direction, name, amount, recurrence, since, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      projectPath,
      entry.direction,
      entry.name,
      entry.amount,
      entry.kind,
      entry.since,
      createdAt,
    ]);
    const id = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
    return { ...entry, id, projectPath, createdAt };
  });
}

/** The project's entries, oldest first. Rows another process damaged are left out rather than failing the list. */
export function listRoiEntries(store: Store, projectPath: string): Promise<RoiEntry[]> {
  return store.read((db) => selectAll(db, projectPath));
}

/** False when the project has no entry with that id (another project's id does not remove anything). */
export function removeRoiEntry(store: Store, projectPath: string, id: number): Promise<boolean> {
  return store.write((db) => {
    db.run('DELETE FROM roi_entries WHERE id = ? AND project_path = ?', [id, projectPath]);
    return db.getRowsModified() > 0;
  });
}

/** The project's hourly rate; null when the user has not set one. */
export function loadHourlyRate(store: Store, projectPath: string): Promise<number | null> {
  return store.read((db) => {
    const value = db.exec('SELECT hourly_rate FROM roi_settings WHERE path = ?', [projectPath])[0]?.values[0]?.[0];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  });
}

export function saveHourlyRate(store: Store, projectPath: string, rate: number, now: Date = new Date()): Promise<void> {
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`An hourly rate must be a number of at least 0 (got ${rate}).`);
  return store.write((db) => {
    db.run(
      `INSERT INTO roi_settings (path, hourly_rate, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET hourly_rate = excluded.hourly_rate, updated_at = excluded.updated_at`,
      [projectPath, rate, now.toISOString()],
    );
  });
}

function selectAll(db: Database, projectPath: string): RoiEntry[] {
  const statement = db.prepare(`SELECT ${COLUMNS} FROM roi_entries WHERE project_path = ? ORDER BY id`);
  const entries: RoiEntry[] = [];
  try {
    statement.bind([projectPath]);
    while (statement.step()) {
      const entry = toEntry(statement.getAsObject());
      if (entry) entries.push(entry);
    }
  } finally {
    statement.free();
  }
  return entries;
}

function toEntry(row: Record<string, unknown>): RoiEntry | null {
  const { id, direction, name, amount, recurrence, since } = row;
  if (typeof id !== 'number' || typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return null;
  if (!isDirection(direction) || !isRecurrence(recurrence) || typeof name !== 'string' || typeof since !== 'string') return null;
  return { id, projectPath: String(row.project_path), direction, name, amount, kind: recurrence, since, createdAt: String(row.created_at ?? '') };
}

function isDirection(value: unknown): value is RoiDirection {
  return value === 'cost' || value === 'revenue';
}

function isRecurrence(value: unknown): value is Recurrence {
  return value === 'monthly' || value === 'one-off';
}
