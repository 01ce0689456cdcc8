import type { Database } from 'sql.js';
import type { Project } from '../model';
import { projectParams, rowToProject } from './projectRow';
import type { Store } from './store';

/** Keeps `id` (and so the metrics, issues, ... that reference it) and `created_at` of a known path. */
const UPSERT = `
INSERT INTO projects (path, name, root, parent_path, stack, git, dependencies, findings, children, scanned_at, created_at, updated_at)
VALUES ($path, $name, $root, $parent, $stack, $git, $dependencies, $findings, $children, $scannedAt, $now, $now)
ON CONFLICT(path) DO UPDATE SET
  name = excluded.name, root = excluded.root, parent_path = excluded.parent_path, stack = excluded.stack,
  git = excluded.git, dependencies = excluded.dependencies, findings = excluded.findings,
  children = excluded.children, scanned_at = excluded.scanned_at, updated_at = excluded.updated_at`;

const COLUMNS = 'path, name, root, parent_path, stack, git, dependencies, findings, children, scanned_at';

/**
 * Saves the result of scanning `scannedRoots`, in one write: upserts every project and deletes the projects
 * stored under those roots (matched exactly on `Project.root`) that the scan no longer found. Projects under
 * other roots are left alone. Returns how many rows were deleted.
 */
export function saveScan(store: Store, projects: readonly Project[], scannedRoots: readonly string[]): Promise<{ saved: number; removed: number }> {
  return store.write((db) => {
    upsertAll(db, projects);
    const keep = new Set(projects.map((project) => project.path));
    return { saved: projects.length, removed: deleteVanished(db, scannedRoots, keep) };
  });
}

/** Upserts only; for rescans of single projects that must not delete their siblings. */
export function saveProjects(store: Store, projects: readonly Project[]): Promise<void> {
  return store.write((db) => upsertAll(db, projects));
}

/** Every stored project (sorted by path), or those under the given roots. */
export function loadProjects(store: Store, filter: { roots?: readonly string[] } = {}): Promise<Project[]> {
  const roots = filter.roots;
  if (roots !== undefined && roots.length === 0) return Promise.resolve([]);
  const where = roots === undefined ? '' : `WHERE root IN (${roots.map(() => '?').join(', ')})`;
  return store.read((db) => selectProjects(db, `SELECT ${COLUMNS} FROM projects ${where} ORDER BY path`, roots ?? []));
}

export function loadProject(store: Store, path: string): Promise<Project | null> {
  return store.read((db) => selectProjects(db, `SELECT ${COLUMNS} FROM projects WHERE path = ?`, [path])[0] ?? null);
}

/** Removes the project and, by cascade, everything recorded about it. Returns false when it was not stored. */
export function removeProject(store: Store, path: string): Promise<boolean> {
  return store.write((db) => {
    db.run('DELETE FROM projects WHERE path = ?', [path]);
    return db.getRowsModified() > 0;
  });
}

/** Removes several projects in one write. Returns how many were stored. */
export function removeProjects(store: Store, paths: readonly string[]): Promise<number> {
  return store.write((db) => {
    let removed = 0;
    for (const path of paths) {
      db.run('DELETE FROM projects WHERE path = ?', [path]);
      removed += db.getRowsModified();
    }
    return removed;
  });
}

function upsertAll(db: Database, projects: readonly Project[]): void {
  const now = new Date().toISOString();
  const statement = db.prepare(UPSERT);
  try {
    for (const project of projects) statement.run(projectParams(project, now));
  } finally {
    statement.free();
  }
}

function deleteVanished(db: Database, roots: readonly string[], keep: ReadonlySet<string>): number {
  const gone = roots.flatMap((root) => selectPaths(db, root).filter((path) => !keep.has(path)));
  for (const path of gone) db.run('DELETE FROM projects WHERE path = ?', [path]);
  return gone.length;
}

function selectPaths(db: Database, root: string): string[] {
  const rows = db.exec('SELECT path FROM projects WHERE root = ?', [root])[0]?.values ?? [];
  return rows.map((row) => String(row[0]));
}

function selectProjects(db: Database, sql: string, params: readonly string[]): Project[] {
  const statement = db.prepare(sql);
  try {
    statement.bind([...params]);
    const projects: Project[] = [];
    while (statement.step()) projects.push(rowToProject(statement.getAsObject()));
    return projects;
  } finally {
    statement.free();
  }
}
