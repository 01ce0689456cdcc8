import type { Database } from 'sql.js';
import type { Store } from './store';

export interface CachedAnalysis {
  file: string;
  contentHash: string;
  /** The analyzer's version and settings: a result made with others is stale. */
  analyzer: string;
  /** JSON the analyzer wrote; read back by it alone. */
  result: string;
}

/** The cached results of a project's files, by file path. */
export function loadAnalysisCache(store: Store, projectPath: string): Promise<Map<string, CachedAnalysis>> {
  return store.read((db) => {
    const out = new Map<string, CachedAnalysis>();
    const statement = db.prepare('SELECT file, content_hash, analyzer, result FROM analysis_cache WHERE project_path = ?');
    try {
      statement.bind([projectPath]);
      while (statement.step()) {
        const row = statement.getAsObject();
        const file = String(row.file);
        out.set(file, { file, contentHash: String(row.content_hash), analyzer: String(row.analyzer), result: String(row.result) });
      }
    } finally {
      statement.free();
    }
    return out;
  });
}

/**
 * Replaces the project's cache with `entries` in one write: files that are gone or no longer analyzed drop out,
 * so the cache never grows past the project.
 */
export function saveAnalysisCache(store: Store, projectPath: string, entries: readonly CachedAnalysis[], now: Date = new Date()): Promise<void> {
  return store.write((db) => {
    db.run('DELETE FROM analysis_cache WHERE project_path = ?', [projectPath]);
    insertAll(db, projectPath, entries, now.toISOString());
  });
}

function insertAll(db: Database, projectPath: string, entries: readonly CachedAnalysis[], at: string): void {
  const statement = db.prepare('INSERT OR REPLACE INTO analysis_cache (file, project_path, content_hash, analyzer, result, analyzed_at) VALUES (?, ?, ?, ?, ?, ?)');
  try {
    for (const e of entries) statement.run([e.file, projectPath, e.contentHash, e.analyzer, e.result, at]);
  } finally {
    statement.free();
  }
}
