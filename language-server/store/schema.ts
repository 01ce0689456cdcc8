/**
 * The tables, adapted to SQLite from the seed's PostgreSQL design. Each constant is the DDL of one migration
 * step; a step, once released, never changes (files in the wild were built from it) — add a new step instead.
 *
 * SQLite adaptations: SERIAL -> INTEGER PRIMARY KEY, JSONB -> TEXT holding JSON, TIMESTAMPTZ -> TEXT holding
 * ISO 8601 UTC (sorts correctly as text), BOOLEAN -> INTEGER. Foreign keys cascade so that removing a project
 * removes everything recorded about it.
 */

/** Bootstrap: exists before any step runs so the runner can record which steps have been applied. */
export const SCHEMA_VERSION_DDL = `
CREATE TABLE IF NOT EXISTS schema_version (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);`;

/** Step 1: what the scanner and the orchestrator need from day one. */
export const CORE_DDL = `
CREATE TABLE projects (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  root         TEXT NOT NULL,
  parent_path  TEXT,
  stack        TEXT NOT NULL DEFAULT '{}',
  git          TEXT,
  dependencies TEXT NOT NULL DEFAULT '{}',
  findings     TEXT NOT NULL DEFAULT '[]',
  children     TEXT NOT NULL DEFAULT '[]',
  scanned_at   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX projects_root ON projects(root);
CREATE INDEX projects_parent ON projects(parent_path);

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL,
  details TEXT,
  outcome TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
`;

/** Step 2: what the analyzer and the runtime watcher record per project. */
export const ANALYSIS_DDL = `
CREATE TABLE project_metrics (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  recorded_at  TEXT NOT NULL,
  health_score REAL,
  debt_minutes INTEGER,
  debt_rating  TEXT,
  loc          INTEGER,
  metrics      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX project_metrics_project_time ON project_metrics(project_id, recorded_at);

CREATE TABLE runtime_status (
  project_id   INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  state        TEXT NOT NULL,
  pids         TEXT NOT NULL DEFAULT '[]',
  ports        TEXT NOT NULL DEFAULT '[]',
  containers   TEXT NOT NULL DEFAULT '[]',
  cpu          REAL,
  memory_bytes INTEGER,
  updated_at   TEXT NOT NULL
);

CREATE TABLE issues (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  source      TEXT NOT NULL,
  rule_id     TEXT,
  severity    TEXT NOT NULL,
  file        TEXT,
  line        INTEGER,
  col         INTEGER,
  message     TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  resolved_at TEXT
);
CREATE INDEX issues_project_open ON issues(project_id, resolved_at);
CREATE UNIQUE INDEX issues_project_fingerprint ON issues(project_id, fingerprint);
`;

/** Step 3: what the advisor and the troubleshooter learn. */
export const KNOWLEDGE_DDL = `
CREATE TABLE monetization_opportunities (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  model      TEXT NOT NULL,
  confidence REAL NOT NULL,
  signals    TEXT NOT NULL DEFAULT '[]',
  gaps       TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE INDEX monetization_project ON monetization_opportunities(project_id);

CREATE TABLE patterns (
  id           INTEGER PRIMARY KEY,
  signature    TEXT NOT NULL UNIQUE,
  category     TEXT NOT NULL,
  diagnosis    TEXT NOT NULL,
  fix          TEXT NOT NULL DEFAULT '{}',
  success_rate REAL NOT NULL DEFAULT 0,
  usage_count  INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX patterns_category ON patterns(category);
`;
