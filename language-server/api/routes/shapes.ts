import type { JsonSchema } from '../schema';

/** JSON Schemas of the answers, for the OpenAPI document: the fields a client can rely on, not every one. */
const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const bool = { type: 'boolean' };
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
export const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: 'object', properties, required });

export const PROJECT_SUMMARY = object({
  id: { ...str, description: 'Stable id of the project (from its path); URLs take it, or the path URL-encoded.' },
  name: str,
  path: str,
  root: str,
  parent: nullable(str),
  stack: object({ languages: arrayOf(str), frameworks: arrayOf(str), packageManagers: arrayOf(str) }),
  git: nullable(object({ branch: nullable(str), head: nullable(str), dirty: bool, changedFiles: int, ahead: nullable(int), behind: nullable(int), lastCommit: nullable({ type: 'object' }) }, ['branch', 'dirty'])),
  dependencies: int,
  findings: int,
  scannedAt: str,
});

export const PROJECT_RUNTIME = object({ path: str, running: bool, pids: arrayOf(int), ports: arrayOf(int), cpuPercent: num, memoryBytes: int, containerIds: arrayOf(str) });

export const PROJECT_LIST = object({ projects: arrayOf(PROJECT_SUMMARY) });
export const PROJECT_DETAIL = object({ project: { type: 'object', description: 'Every fact the scan keeps (stack, git, dependencies, findings), with its id.' }, runtime: nullable(PROJECT_RUNTIME), score: nullable({ type: 'object' }) });
export const RESCAN = object({ elapsedMs: int, projectCount: int });
export const ANALYSIS = object({ path: str, files: int, findings: int, byCategory: { type: 'object' }, health: { type: 'object' }, debt: { type: 'object' }, elapsedMs: int }, ['path', 'files', 'findings']);

export const RUNTIME_STATUS = object({
  takenAt: str,
  docker: str,
  projects: arrayOf({ ...PROJECT_RUNTIME, properties: { ...(PROJECT_RUNTIME.properties as object), id: str } }),
  processes: arrayOf({ type: 'object' }),
  containers: arrayOf({ type: 'object' }),
});
export const RUN_INFO = object({ runId: str, path: str, command: str, pid: nullable(int), startedAt: str, running: bool }, ['runId', 'path', 'command', 'running']);
export const STOP_RESULT = object({ stopped: arrayOf(int), failed: arrayOf({ type: 'object' }) });

const FINDING = object({ ruleId: str, category: str, severity: { type: 'string', enum: ['error', 'warning', 'info'] }, message: str, file: str, line: int, column: int });
export const ANALYSIS_VIEW = object({ id: str, path: str, analyzedAt: nullable(str), count: int, findings: arrayOf(FINDING), notes: arrayOf(str) }, ['id', 'path', 'analyzedAt', 'count', 'findings']);

export const RECOMMENDATIONS = object({ recommendations: arrayOf(object({ id: str, projectPath: str, kind: str, title: str, why: str, impact: str, effort: str, score: num }, ['id', 'kind', 'title'])) });
export const OPPORTUNITIES = object({ id: str, path: str, type: str, opportunities: arrayOf({ type: 'object' }), notes: arrayOf(str) }, ['id', 'path', 'type', 'opportunities']);
export const ROI = object({ id: str, path: str, hours: { type: 'object' }, hourlyRate: nullable(num), entries: arrayOf({ type: 'object' }), figures: { type: 'object' } }, ['id', 'path', 'hours', 'figures']);

export const DIAGNOSIS = object({ diagnosis: object({ id: str, title: str, confidence: num, summary: str, fixes: arrayOf({ type: 'object' }) }, ['id', 'title', 'confidence']), projectPath: nullable(str), historyId: nullable(int) }, ['diagnosis', 'projectPath']);
export const APPROVED = object({ approved: { const: true }, command: str, cwd: nullable(str) });
export const DEPLOY_PLAN = object({ path: str, command: nullable(str), cwd: str, source: str, targets: arrayOf({ type: 'object' }) }, ['path', 'command', 'cwd', 'source']);
export const DEPLOY_CONFIRMED = object({ command: str, cwd: str });
export const BACKUP = object({ manifestPath: str, archivePath: str, bundlePath: nullable(str), fileCount: int, totalBytes: int }, ['manifestPath', 'archivePath', 'fileCount']);
