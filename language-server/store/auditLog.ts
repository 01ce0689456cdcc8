import type { Store } from './store';

export type AuditOutcome = 'ok' | 'error' | 'denied' | 'cancelled';

/**
 * One action that changed something (start, stop, fix, backup, deploy, write .env, ...).
 *
 * `details` is stored as is and shown to the user: callers must never put secrets in it. Mask anything that
 * may be one (tokens, passwords, .env values) with `maskSecret` before passing it here.
 */
export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
  outcome: AuditOutcome;
}

export interface AuditRecord {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown> | null;
  outcome: string;
}

/** Details beyond this are cut: the audit log is a record of actions, not a place for logs or file contents. */
const MAX_DETAILS_CHARS = 16_000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

/** Appends one row and returns its id. */
export function appendAudit(store: Store, entry: AuditEntry, at: Date = new Date()): Promise<number> {
  const details = entry.details === undefined ? null : serialiseDetails(entry.details);
  return store.write((db) => {
    db.run('INSERT INTO audit_log (at, actor, action, target, details, outcome) VALUES (?, ?, ?, ?, ?, ?)', [
      at.toISOString(),
      entry.actor,
      entry.action,
      entry.target,
      details,
      entry.outcome,
    ]);
    return Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
  });
}

/** The newest rows first. `limit` is clamped to 1..10000; anything not a number means the default (100). */
export function listAudit(store: Store, options: { limit?: number } = {}): Promise<AuditRecord[]> {
  const limit = clampLimit(options.limit);
  return store.read((db) => {
    const statement = db.prepare('SELECT id, at, actor, action, target, details, outcome FROM audit_log ORDER BY id DESC LIMIT ?');
    try {
      statement.bind([limit]);
      const records: AuditRecord[] = [];
      while (statement.step()) records.push(toRecord(statement.getAsObject()));
      return records;
    } finally {
      statement.free();
    }
  });
}

/**
 * Enough of a secret to tell two apart, never enough to use one: at most the first 4 characters, fewer for
 * short values (a 4-character secret shown in full would not be masked), then a fixed `****` that does not
 * give the length away.
 */
export function maskSecret(value: string | null | undefined): string {
  if (!value) return '';
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}****`;
}

function serialiseDetails(details: Record<string, unknown>): string {
  let text: string;
  try {
    text = JSON.stringify(details) ?? 'null';
  } catch (error) {
    // an audit row without details is better than no audit row
    return JSON.stringify({ unserialisable: error instanceof Error ? error.message : String(error) });
  }
  return text.length <= MAX_DETAILS_CHARS ? text : JSON.stringify({ truncated: true, preview: text.slice(0, 1000) });
}

function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

function toRecord(row: Record<string, unknown>): AuditRecord {
  return {
    id: Number(row.id),
    at: String(row.at),
    actor: String(row.actor),
    action: String(row.action),
    target: String(row.target),
    details: parseDetails(row.details),
    outcome: String(row.outcome),
  };
}

function parseDetails(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { unreadable: true };
  }
}
