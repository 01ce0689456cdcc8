import { createHash } from 'node:crypto';
import type { AnalyzerCategory, AnalyzerFinding, AnalyzerSeverity } from '../analyzer/types';
import { projectId } from './projectRow';
import type { Store } from './store';

const CATEGORIES: readonly string[] = ['quality', 'security', 'performance', 'debt'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const KEEP_RESOLVED_MS = 90 * 86_400_000;

/**
 * Makes the project's open issues exactly `findings`: a finding seen before keeps its row (and the day it was
 * first found), a new one opens a row, an open row no longer found is resolved. One write. False when the
 * project is not in the store (analyzed by path without a scan).
 */
export function syncProjectIssues(store: Store, projectPath: string, findings: readonly AnalyzerFinding[], now: Date = new Date()): Promise<boolean> {
  return store.write((db) => {
    const id = projectId(db, projectPath);
    if (id === null) return false;
    const at = now.toISOString();
    const current = new Map(findings.map((f) => [fingerprintOf(f), f]));
    const open = new Set((db.exec('SELECT fingerprint FROM issues WHERE project_id = ? AND resolved_at IS NULL', [id])[0]?.values ?? []).map((r) => String(r[0])));
    for (const gone of [...open].filter((f) => !current.has(f))) db.run('UPDATE issues SET resolved_at = ? WHERE project_id = ? AND fingerprint = ?', [at, id, gone]);
    // A finding that moves a line is a new row each time: resolved rows are kept a while, not for ever.
    db.run('DELETE FROM issues WHERE project_id = ? AND resolved_at IS NOT NULL AND resolved_at < ?', [id, new Date(now.getTime() - KEEP_RESOLVED_MS).toISOString()]);
    const upsert = db.prepare(
      `INSERT INTO issues (project_id, source, rule_id, severity, file, line, col, message, fingerprint, created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(project_id, fingerprint) DO UPDATE SET resolved_at = NULL, severity = excluded.severity, data = excluded.data`,
    );
    try {
      for (const [fingerprint, f] of current) upsert.run([id, f.category, f.ruleId, f.severity, f.path, f.line, f.column, f.message, fingerprint, at, JSON.stringify(f.data ?? {})]);
    } finally {
      upsert.free();
    }
    return true;
  });
}

/** The project's open issues as findings; rows another process damaged are left out rather than failing the list. */
export function openProjectIssues(store: Store, projectPath: string): Promise<AnalyzerFinding[]> {
  return store.read((db) => {
    const rows = db.exec(
      `SELECT i.source, i.rule_id, i.severity, i.file, i.line, i.col, i.message, i.data FROM issues i JOIN projects p ON p.id = i.project_id
       WHERE p.path = ? AND i.resolved_at IS NULL ORDER BY i.id`,
      [projectPath],
    )[0]?.values ?? [];
    return rows.map(toFinding).filter((f): f is AnalyzerFinding => f !== null);
  });
}

function toFinding([category, ruleId, severity, file, line, column, message, data]: unknown[]): AnalyzerFinding | null {
  if (!CATEGORIES.includes(String(category)) || !SEVERITIES.includes(String(severity)) || typeof file !== 'string' || typeof ruleId !== 'string') return null;
  return {
    ruleId,
    category: category as AnalyzerCategory,
    severity: severity as AnalyzerSeverity,
    path: file,
    line: Number(line) || 1,
    column: Number(column) || 1,
    message: String(message),
    data: factsOf(data),
  };
}

function factsOf(text: unknown): Record<string, string | number | boolean> {
  try {
    const value: unknown = JSON.parse(String(text));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) as Record<string, string | number | boolean>;
  } catch {
    return {};
  }
}

function fingerprintOf(f: AnalyzerFinding): string {
  return createHash('sha256').update(`${f.ruleId}\n${f.path}\n${f.line}\n${f.column}\n${f.message}\n${JSON.stringify(f.data ?? {})}`).digest('hex').slice(0, 32);
}
