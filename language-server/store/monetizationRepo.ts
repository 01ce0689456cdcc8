import { projectId } from './projectRow';
import type { Store } from './store';

/** One row of `monetization_opportunities`: a revenue model for a project, as last assessed. */
export interface StoredOpportunity {
  model: string;
  confidence: number;
  signals: string[];
  gaps: string[];
  /** ISO 8601 UTC: when the assessment was saved. */
  createdAt: string;
}

/**
 * Replaces the project's opportunities with `opportunities` in one write, so a model that no longer fits drops
 * out. False when the project is not in the store (assessed by path without a scan): there is no row to key on.
 */
export function saveMonetizationOpportunities(
  store: Store,
  projectPath: string,
  opportunities: ReadonlyArray<Pick<StoredOpportunity, 'model' | 'confidence' | 'signals' | 'gaps'>>,
  now: Date = new Date(),
): Promise<boolean> {
  return store.write((db) => {
    const id = projectId(db, projectPath);
    if (id === null) return false;
    db.run('DELETE FROM monetization_opportunities WHERE project_id = ?', [id]);
    const statement = db.prepare('INSERT INTO monetization_opportunities (project_id, model, confidence, signals, gaps, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    try {
      for (const o of opportunities) statement.run([id, o.model, o.confidence, JSON.stringify(o.signals), JSON.stringify(o.gaps), now.toISOString()]);
    } finally {
      statement.free();
    }
    return true;
  });
}

/** The project's opportunities, best first; none for a project not in the store. */
export function loadMonetizationOpportunities(store: Store, projectPath: string): Promise<StoredOpportunity[]> {
  return store.read((db) => {
    const statement = db.prepare(
      `SELECT m.model, m.confidence, m.signals, m.gaps, m.created_at FROM monetization_opportunities m
       JOIN projects p ON p.id = m.project_id WHERE p.path = ? ORDER BY m.confidence DESC, m.model`,
    );
    const out: StoredOpportunity[] = [];
    try {
      statement.bind([projectPath]);
      while (statement.step()) out.push(toOpportunity(statement.getAsObject()));
    } finally {
      statement.free();
    }
    return out;
  });
}

/** Every project's best-fitting opportunity, by project path, in one read (the advisor asks for the whole portfolio). */
export function loadBestOpportunities(store: Store): Promise<Map<string, StoredOpportunity>> {
  return store.read((db) => {
    const statement = db.prepare(
      `SELECT p.path, m.model, m.confidence, m.signals, m.gaps, m.created_at FROM monetization_opportunities m
       JOIN projects p ON p.id = m.project_id ORDER BY p.path, m.confidence DESC, m.model`,
    );
    const out = new Map<string, StoredOpportunity>();
    try {
      while (statement.step()) {
        const row = statement.getAsObject();
        const path = String(row.path);
        if (!out.has(path)) out.set(path, toOpportunity(row));
      }
    } finally {
      statement.free();
    }
    return out;
  });
}

function toOpportunity(row: Record<string, unknown>): StoredOpportunity {
  return {
    model: String(row.model),
    confidence: Number(row.confidence),
    signals: textList(row.signals),
    gaps: textList(row.gaps),
    createdAt: String(row.created_at),
  };
}

/** A damaged list loses its texts, not the row: the model and confidence still stand. */
function textList(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
