import type { Database } from 'sql.js';
import type { Store } from './store';

export interface DiagnosisRecord {
  projectPath: string | null;
  diagnosis: string;
  confidence: number;
  source: string;
  summary: string;
  /** The line that named the cause, masked and cut short. */
  excerpt: string;
  /** Space-separated words the classifier learns from (no secret-looking tokens). */
  terms: string;
}

export interface HistoryRow extends DiagnosisRecord {
  id: number;
  createdAt: string;
  /** 1 helpful, -1 not, null not said. */
  feedback: number | null;
  /** The id the user said was right, when they corrected it. */
  confirmed: string | null;
  outcomes: Array<{ fix: string; outcome: FixOutcome; exitCode: number | null; createdAt: string }>;
}

/** `recurred`: it seemed to work, but the same diagnosis came back in that project soon after. */
export type FixOutcome = 'ok' | 'failed' | 'recurred';

export interface FixStats {
  uses: number;
  successes: number;
}

export function recordDiagnosis(store: Store, record: DiagnosisRecord, now: Date = new Date()): Promise<number> {
  return store.write((db) => {
    db.run(
      'INSERT INTO diagnoses (project_path, diagnosis, confidence, source, summary, excerpt, terms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [record.projectPath, record.diagnosis, record.confidence, record.source, record.summary, record.excerpt, record.terms, now.toISOString()],
    );
    return Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
  });
}

/** What a fix did; the fix's success rate in the patterns table is brought up to date in the same write. */
export function recordOutcome(store: Store, diagnosisRow: number, fix: string, outcome: FixOutcome, exitCode: number | null, now: Date = new Date()): Promise<boolean> {
  return store.write((db) => {
    const diagnosis = diagnosisOf(db, diagnosisRow);
    if (diagnosis === null) return false;
    db.run('INSERT INTO fix_outcomes (diagnosis_id, fix, outcome, exit_code, created_at) VALUES (?, ?, ?, ?, ?)', [diagnosisRow, fix, outcome, exitCode, now.toISOString()]);
    refreshPattern(db, diagnosis, fix, now.toISOString());
    return true;
  });
}

/**
 * The same diagnosis is back in the project: fixes that "worked" for it since `since` did not, after all.
 * Returns how many outcomes changed.
 */
export function markRecurred(store: Store, projectPath: string, diagnosis: string, since: Date, now: Date = new Date()): Promise<number> {
  return store.write((db) => {
    const rows = db.exec(
      `SELECT o.id, o.fix FROM fix_outcomes o JOIN diagnoses d ON d.id = o.diagnosis_id
       WHERE d.project_path = ? AND d.diagnosis = ? AND o.outcome = 'ok' AND o.created_at >= ?`,
      [projectPath, diagnosis, since.toISOString()],
    )[0]?.values ?? [];
    for (const [id, fix] of rows) {
      db.run("UPDATE fix_outcomes SET outcome = 'recurred' WHERE id = ?", [Number(id)]);
      refreshPattern(db, diagnosis, String(fix), now.toISOString());
    }
    return rows.length;
  });
}

export function setFeedback(store: Store, diagnosisRow: number, helpful: boolean, confirmed: string | null): Promise<boolean> {
  return store.write((db) => {
    db.run('UPDATE diagnoses SET feedback = ?, confirmed = ? WHERE id = ?', [helpful ? 1 : -1, confirmed, diagnosisRow]);
    return db.getRowsModified() > 0;
  });
}

/** Per fix key of a diagnosis: how often it was applied, and how often it worked. */
export function fixStats(store: Store, diagnosis: string): Promise<Map<string, FixStats>> {
  return store.read((db) => {
    const rows = db.exec("SELECT fix, usage_count, success_rate FROM patterns WHERE category = 'troubleshooting' AND diagnosis = ?", [diagnosis])[0]?.values ?? [];
    return new Map(rows.map(([fix, uses, rate]) => [String(JSON.parse(String(fix)).key), { uses: Number(uses), successes: Math.round(Number(uses) * Number(rate)) }]));
  });
}

/** What one remembered diagnosis taught: its id and the words kept of its text; null when there is no such row. */
export function diagnosisTerms(store: Store, diagnosisRow: number): Promise<{ diagnosis: string; terms: string } | null> {
  return store.read((db) => {
    const row = db.exec('SELECT diagnosis, terms FROM diagnoses WHERE id = ?', [diagnosisRow])[0]?.values[0];
    return row ? { diagnosis: String(row[0]), terms: String(row[1]) } : null;
  });
}

/** Texts whose diagnosis the user confirmed or corrected: what the classifier learns from. */
export function confirmedExamples(store: Store, limit = 2000): Promise<Array<{ id: string; text: string }>> {
  return store.read((db) => {
    const rows = db.exec('SELECT COALESCE(confirmed, diagnosis), terms FROM diagnoses WHERE (feedback = 1 OR confirmed IS NOT NULL) AND terms != \'\' ORDER BY id DESC LIMIT ?', [limit])[0]?.values ?? [];
    return rows.map(([id, terms]) => ({ id: String(id), text: String(terms) }));
  });
}

/** Newest first; one project's, or all when `projectPath` is null. */
export function diagnosisHistory(store: Store, projectPath: string | null, limit = 50): Promise<HistoryRow[]> {
  return store.read((db) => {
    const where = projectPath === null ? '' : 'WHERE project_path = ?';
    const rows = db.exec(`SELECT id, project_path, diagnosis, confidence, source, summary, excerpt, terms, feedback, confirmed, created_at FROM diagnoses ${where} ORDER BY id DESC LIMIT ?`, projectPath === null ? [limit] : [projectPath, limit])[0]?.values ?? [];
    const outcomes = outcomesOf(db, rows.map((r) => Number(r[0])));
    return rows.map((r) => ({
      id: Number(r[0]), projectPath: r[1] === null ? null : String(r[1]), diagnosis: String(r[2]), confidence: Number(r[3]), source: String(r[4]), summary: String(r[5]), excerpt: String(r[6]), terms: String(r[7]),
      feedback: r[8] === null ? null : Number(r[8]), confirmed: r[9] === null ? null : String(r[9]), createdAt: String(r[10]), outcomes: outcomes.get(Number(r[0])) ?? [],
    }));
  });
}

/** The outcomes of these diagnoses in one query (ids come from the store, so they are numbers), oldest first. */
function outcomesOf(db: Database, diagnosisRows: readonly number[]): Map<number, HistoryRow['outcomes']> {
  const byRow = new Map<number, HistoryRow['outcomes']>();
  if (diagnosisRows.length === 0) return byRow;
  const marks = diagnosisRows.map(() => '?').join(', ');
  const rows = db.exec(`SELECT diagnosis_id, fix, outcome, exit_code, created_at FROM fix_outcomes WHERE diagnosis_id IN (${marks}) ORDER BY id`, [...diagnosisRows])[0]?.values ?? [];
  for (const [row, fix, outcome, exitCode, at] of rows) {
    const list = byRow.get(Number(row)) ?? [];
    list.push({ fix: String(fix), outcome: String(outcome) as FixOutcome, exitCode: exitCode === null ? null : Number(exitCode), createdAt: String(at) });
    byRow.set(Number(row), list);
  }
  return byRow;
}

function diagnosisOf(db: Database, row: number): string | null {
  const value = db.exec('SELECT diagnosis FROM diagnoses WHERE id = ?', [row])[0]?.values[0]?.[0];
  return value === undefined || value === null ? null : String(value);
}

/** Recounts one fix of one diagnosis from its outcomes, so the rate is always what the outcomes say. */
function refreshPattern(db: Database, diagnosis: string, fix: string, at: string): void {
  const [uses, successes] = (db.exec(
    `SELECT COUNT(*), SUM(CASE WHEN o.outcome = 'ok' THEN 1 ELSE 0 END) FROM fix_outcomes o JOIN diagnoses d ON d.id = o.diagnosis_id WHERE d.diagnosis = ? AND o.fix = ?`,
    [diagnosis, fix],
  )[0]?.values[0] ?? [0, 0]).map(Number) as [number, number];
  const signature = `troubleshooting:${diagnosis}:${fix}`;
  db.run(
    `INSERT INTO patterns (signature, category, diagnosis, fix, success_rate, usage_count, created_at, updated_at) VALUES (?, 'troubleshooting', ?, ?, ?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET success_rate = excluded.success_rate, usage_count = excluded.usage_count, updated_at = excluded.updated_at`,
    [signature, diagnosis, JSON.stringify({ key: fix }), uses ? successes / uses : 0, uses, at, at],
  );
}
