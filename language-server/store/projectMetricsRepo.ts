import type { Store } from './store';

export interface ProjectMetricsRow {
  /** ISO 8601 UTC. */
  recordedAt: string;
  healthScore: number;
  debtMinutes: number;
  debtRating: string;
  loc: number;
  /** Anything else worth charting later (findings per category, maintainability, ...). */
  metrics: Record<string, number>;
}

/**
 * Appends one point of the project's health and debt history. False when the project is not in the store
 * (analyzed by path without a scan): there is no row to hang the history on.
 */
export function recordProjectMetrics(store: Store, projectPath: string, row: Omit<ProjectMetricsRow, 'recordedAt'>, now: Date = new Date()): Promise<boolean> {
  return store.write((db) => {
    db.run(
      `INSERT INTO project_metrics (project_id, recorded_at, health_score, debt_minutes, debt_rating, loc, metrics)
       SELECT id, ?, ?, ?, ?, ?, ? FROM projects WHERE path = ?`,
      [now.toISOString(), row.healthScore, row.debtMinutes, row.debtRating, row.loc, JSON.stringify(row.metrics), projectPath],
    );
    return db.getRowsModified() > 0;
  });
}

/** The project's history, oldest first (at most `limit` newest points). */
export function loadProjectMetrics(store: Store, projectPath: string, limit = 365): Promise<ProjectMetricsRow[]> {
  return store.read((db) => {
    const statement = db.prepare(
      `SELECT m.recorded_at, m.health_score, m.debt_minutes, m.debt_rating, m.loc, m.metrics FROM project_metrics m
       JOIN projects p ON p.id = m.project_id WHERE p.path = ? ORDER BY m.recorded_at DESC, m.id DESC LIMIT ?`,
    );
    const out: ProjectMetricsRow[] = [];
    try {
      statement.bind([projectPath, limit]);
      while (statement.step()) out.push(toRow(statement.getAsObject()));
    } finally {
      statement.free();
    }
    return out.reverse();
  });
}

function toRow(row: Record<string, unknown>): ProjectMetricsRow {
  let metrics: Record<string, number> = {};
  try {
    metrics = JSON.parse(String(row.metrics ?? '{}')) as Record<string, number>;
  } catch {
    // a damaged extra column loses the extras, not the point
  }
  return {
    recordedAt: String(row.recorded_at),
    healthScore: Number(row.health_score),
    debtMinutes: Number(row.debt_minutes),
    debtRating: String(row.debt_rating),
    loc: Number(row.loc),
    metrics,
  };
}

/** The newest point of every project that has one: what the tree shows after a restart. */
export function loadLatestScores(store: Store): Promise<Array<{ path: string } & ProjectMetricsRow>> {
  return store.read((db) => {
    const statement = db.prepare(
      `SELECT p.path, m.recorded_at, m.health_score, m.debt_minutes, m.debt_rating, m.loc, m.metrics FROM project_metrics m
       JOIN projects p ON p.id = m.project_id
       WHERE m.id = (SELECT id FROM project_metrics WHERE project_id = m.project_id ORDER BY recorded_at DESC, id DESC LIMIT 1)`,
    );
    const out: Array<{ path: string } & ProjectMetricsRow> = [];
    try {
      while (statement.step()) {
        const row = statement.getAsObject();
        out.push({ path: String(row.path), ...toRow(row) });
      }
    } finally {
      statement.free();
    }
    return out;
  });
}
