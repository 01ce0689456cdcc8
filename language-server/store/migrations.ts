import type { Database } from 'sql.js';
import { ANALYSIS_DDL, CORE_DDL, KNOWLEDGE_DDL, SCHEMA_VERSION_DDL } from './schema';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Step 4: what the user chose per project (start command, environment profile, ...). Keyed by path, not by
 * `projects.id`, so a choice survives the project being out of the index for a while (a root unmounted).
 */
const PROJECT_SETTINGS_DDL = `
CREATE TABLE project_settings (
  path           TEXT PRIMARY KEY,
  start_command  TEXT,
  env_profile    TEXT,
  deploy_command TEXT,
  keep_running   INTEGER NOT NULL DEFAULT 0,
  updated_at     TEXT NOT NULL
);`;

/**
 * Step 5: what the analyzer found in each file, keyed by the file's path and valid while its content hash and
 * the analyzer's version match, so a re-analysis reads only the files that changed.
 */
const ANALYSIS_CACHE_DDL = `
CREATE TABLE analysis_cache (
  file         TEXT PRIMARY KEY,
  project_path TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  analyzer     TEXT NOT NULL,
  result       TEXT NOT NULL,
  analyzed_at  TEXT NOT NULL
);
CREATE INDEX analysis_cache_project ON analysis_cache(project_path);`;

/**
 * Step 6: the troubleshooter's memory. Each diagnosis shown (per project, for the console's history) with the
 * user's verdict, and each fix applied with its outcome; the patterns table (step 3) keeps the per-fix
 * success rate those outcomes add up to. Error texts are not kept: only the cause's line, masked, and the
 * words the classifier learns from, with long random-looking tokens (keys, tokens, ids) dropped.
 */
const TROUBLESHOOTING_DDL = `
CREATE TABLE diagnoses (
  id           INTEGER PRIMARY KEY,
  project_path TEXT,
  diagnosis    TEXT NOT NULL,
  confidence   REAL NOT NULL,
  source       TEXT NOT NULL,
  summary      TEXT NOT NULL,
  excerpt      TEXT NOT NULL DEFAULT '',
  terms        TEXT NOT NULL DEFAULT '',
  feedback     INTEGER,
  confirmed    TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX diagnoses_project ON diagnoses(project_path, created_at);
CREATE TABLE fix_outcomes (
  id           INTEGER PRIMARY KEY,
  diagnosis_id INTEGER NOT NULL REFERENCES diagnoses(id) ON DELETE CASCADE,
  fix          TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  exit_code    INTEGER,
  created_at   TEXT NOT NULL
);
CREATE INDEX fix_outcomes_diagnosis ON fix_outcomes(diagnosis_id);`;

/**
 * Step 7: what the user entered for a project's return on investment: costs and revenue (each monthly or
 * one-off, from a date) and the hourly rate that prices the hours git history shows. Keyed by path like
 * project_settings, so the entries survive the project being out of the index for a while.
 */
const ROI_DDL = `
CREATE TABLE roi_entries (
  id           INTEGER PRIMARY KEY,
  project_path TEXT NOT NULL,
  direction    TEXT NOT NULL CHECK (direction IN ('cost', 'revenue')),
  name         TEXT NOT NULL,
  amount       REAL NOT NULL CHECK (amount >= 0),
  recurrence   TEXT NOT NULL CHECK (recurrence IN ('monthly', 'one-off')),
  since        TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX roi_entries_project ON roi_entries(project_path);
CREATE TABLE roi_settings (
  path        TEXT PRIMARY KEY,
  hourly_rate REAL NOT NULL CHECK (hourly_rate >= 0),
  updated_at  TEXT NOT NULL
);`;

/**
 * Step 8: the seed's `issues` table (step 2) gets the rule's facts as JSON, so the project-wide findings of an
 * analysis (vulnerable dependencies with their advisory, duplicates, project checks) outlive the server that
 * found them. Each analysis opens new rows and resolves the ones no longer found.
 */
const ISSUE_DATA_DDL = `
ALTER TABLE issues ADD COLUMN data TEXT NOT NULL DEFAULT '{}';`;

/**
 * Step 9: bearer tokens of the local REST API (language-server/api/tokens). Only the SHA-256 of a token is
 * kept, never the token; `id` is the part of the token a person reads (to revoke it) and finds it by.
 */
const API_TOKENS_DDL = `
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  hash         TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  name         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  expires_at   TEXT,
  revoked_at   TEXT
);`;

/** Ordered, append-only: a released step never changes, because files built from it exist on users' disks. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'projects and audit log', up: (db) => db.exec(CORE_DDL) },
  { version: 2, name: 'metrics, runtime status and issues', up: (db) => db.exec(ANALYSIS_DDL) },
  { version: 3, name: 'monetization opportunities and error patterns', up: (db) => db.exec(KNOWLEDGE_DDL) },
  { version: 4, name: 'project settings', up: (db) => db.exec(PROJECT_SETTINGS_DDL) },
  { version: 5, name: 'analysis cache', up: (db) => db.exec(ANALYSIS_CACHE_DDL) },
  { version: 6, name: 'troubleshooting history and fix outcomes', up: (db) => db.exec(TROUBLESHOOTING_DDL) },
  { version: 7, name: 'roi costs, revenue and hourly rate', up: (db) => db.exec(ROI_DDL) },
  { version: 8, name: 'issue facts', up: (db) => db.exec(ISSUE_DATA_DDL) },
  { version: 9, name: 'api tokens', up: (db) => db.exec(API_TOKENS_DDL) },
];

export const LATEST_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/**
 * What a database holds before migrating. `foreign` is a SQLite file that is not ours (someone pointed
 * `--db` at another application's database): it must not get our tables added to it.
 */
export type SchemaState = { kind: 'optimus'; version: number } | { kind: 'foreign'; tables: string[] };

export function inspectSchema(db: Database): SchemaState {
  const tables = userTables(db);
  if (tables.includes('schema_version')) return { kind: 'optimus', version: readVersion(db) };
  return tables.length === 0 ? { kind: 'optimus', version: 0 } : { kind: 'foreign', tables };
}

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Brings an Optimus database forward to `target` (default: the latest step) in one transaction, so a failing
 * step leaves the database exactly as it was. `steps` is for tests that need a step that fails. Refuses foreign and newer databases; the store checks for both
 * first and opens those read-only instead, this is the last line of defence.
 */
export function migrate(db: Database, target: number = LATEST_VERSION, now: Date = new Date(), steps: readonly Migration[] = MIGRATIONS): MigrationResult {
  const state = inspectSchema(db);
  if (state.kind === 'foreign') throw new Error(`Not an Optimus database (tables: ${state.tables.join(', ')}).`);
  const from = state.version;
  const latest = steps[steps.length - 1]?.version ?? 0;
  if (from > latest) throw new Error(`Schema version ${from} is newer than this build knows (${latest}).`);
  const pending = steps.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  runInTransaction(db, pending, now.toISOString());
  return { from, to: pending[pending.length - 1]?.version ?? from };
}

function runInTransaction(db: Database, pending: readonly Migration[], appliedAt: string): void {
  db.exec('BEGIN');
  let current: Migration | undefined;
  try {
    db.exec(SCHEMA_VERSION_DDL);
    for (current of pending) {
      current.up(db);
      db.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [current.version, current.name, appliedAt]);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    const step = current ? `step ${current.version} (${current.name})` : 'bootstrap';
    throw new Error(`Database migration ${step} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function readVersion(db: Database): number {
  const value = db.exec('SELECT MAX(version) FROM schema_version')[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}

function userTables(db: Database): string[] {
  const rows = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? [];
  return rows.map((row) => String(row[0]));
}
