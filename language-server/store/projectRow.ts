import type { Database } from 'sql.js';
import type { DependencySummary, Finding, GitState, Project, Stack } from '../model';
import { emptyStack } from '../model';

/** Named parameters for the projects upsert. JSON columns hold the model's plain data as is. */
export function projectParams(project: Project, now: string): Record<string, string | null> {
  if (typeof project.path !== 'string' || project.path === '') throw new TypeError(`Cannot save a project without a path (name: ${String(project.name)}).`);
  return {
    $path: project.path,
    $name: project.name,
    $root: project.root,
    $parent: project.parent,
    $stack: JSON.stringify(project.stack),
    $git: project.git === null ? null : JSON.stringify(project.git),
    $dependencies: JSON.stringify(project.dependencies),
    $findings: JSON.stringify(project.findings),
    $children: JSON.stringify(project.children),
    $scannedAt: project.scannedAt,
    $now: now,
  };
}

type Row = Record<string, unknown>;

/**
 * A stored row back into a Project. The file is an external input (other processes, other versions, hand
 * edits), so a column that does not parse falls back to an empty value and adds a finding saying so, rather
 * than failing the whole list.
 */
export function rowToProject(row: Row): Project {
  const findings: Finding[] = [];
  const path = String(row.path);
  const field = <T>(column: string, fallback: T, valid: (value: unknown) => boolean): T => {
    const value = parseJson(row[column]);
    if (value !== undefined && valid(value)) return value as T;
    findings.push({ code: 'store/unreadable', severity: 'warning', message: `The stored ${column} of this project could not be read; rescan it to refresh.`, file: path });
    return fallback;
  };
  const project: Project = {
    name: String(row.name),
    path,
    root: String(row.root),
    stack: field<Stack>('stack', emptyStack(), isStack),
    git: row.git === null ? null : field<GitState | null>('git', null, isObject),
    dependencies: field<DependencySummary>('dependencies', { count: 0, manifests: [] }, isDependencySummary),
    children: field<string[]>('children', [], isStringArray),
    parent: typeof row.parent_path === 'string' ? row.parent_path : null,
    findings: field<Finding[]>('findings', [], Array.isArray),
    scannedAt: String(row.scanned_at),
  };
  project.findings.push(...findings);
  return project;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isStack(value: unknown): boolean {
  if (!isObject(value)) return false;
  const stack = value as Record<string, unknown>;
  return isStringArray(stack.languages) && isStringArray(stack.frameworks) && isStringArray(stack.packageManagers);
}

function isDependencySummary(value: unknown): boolean {
  if (!isObject(value)) return false;
  const summary = value as Record<string, unknown>;
  return typeof summary.count === 'number' && Array.isArray(summary.manifests);
}

/** The row id of the project at this path; null when the store does not list it. */
export function projectId(db: Database, projectPath: string): number | null {
  const statement = db.prepare('SELECT id FROM projects WHERE path = ?');
  try {
    statement.bind([projectPath]);
    return statement.step() ? Number(statement.getAsObject().id) : null;
  } finally {
    statement.free();
  }
}
