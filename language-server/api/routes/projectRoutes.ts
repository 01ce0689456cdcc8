import { RawBody, route } from '../route';
import { obj } from '../schema';
import { listBody, projectSummary } from './projectSummary';
import { ANALYSIS, PROJECT_DETAIL, PROJECT_LIST, RESCAN } from './shapes';

const NO_FIELDS = obj({}, 'No fields; the body may be left out.');

/** The seed's `projects` endpoints: list, detail, scan, analyze. */
export const PROJECT_ROUTES = [
  route({
    method: 'GET', path: '/api/v1/projects', operationId: 'listProjects', tag: 'projects', scope: 'read',
    summary: 'Every project Optimus knows, sorted by path',
    response: PROJECT_LIST,
    handle: async (api, req) => new RawBody('application/json; charset=utf-8', listBody(api.projects(), req.idOf)),
  }),
  route({
    method: 'GET', path: '/api/v1/projects/{id}', operationId: 'getProject', tag: 'projects', scope: 'read',
    summary: 'One project: every fact the scan keeps, what runs for it, its last health score',
    response: PROJECT_DETAIL,
    handle: async (api, req) => {
      const project = req.project();
      const score = (await api.scores()).find((s) => s.path === project.path) ?? null;
      return { project: { id: req.idOf(project), ...project }, runtime: api.runtimeOf(project.path), score };
    },
  }),
  route({
    method: 'POST', path: '/api/v1/projects/scan', operationId: 'scanAll', heavy: true, tag: 'projects', scope: 'read',
    summary: 'Walk every root again and re-read every project (reads only; the store is updated)',
    body: NO_FIELDS,
    response: RESCAN,
    handle: async (api) => api.rescan(),
  }),
  route({
    method: 'POST', path: '/api/v1/projects/{id}/scan', operationId: 'scanProject', heavy: true, tag: 'projects', scope: 'read',
    summary: "Re-read one project's manifests and git state",
    body: NO_FIELDS,
    response: { type: 'object', properties: { ...(RESCAN.properties as object), project: { type: 'object' } } },
    handle: async (api, req) => {
      const before = req.project();
      const result = await api.rescan(before.path);
      const after = api.projects().find((p) => p.path === before.path) ?? before;
      return { ...result, project: projectSummary(after, req.idOf(after)) };
    },
  }),
  route({
    method: 'POST', path: '/api/v1/projects/{id}/analyze', operationId: 'analyzeProject', heavy: true, tag: 'projects', scope: 'read',
    summary: 'Analyze the whole project (complexity, security, performance, debt) and store its health score',
    description: "With `optimus.analysis.lint` on, ESLint runs with the project's own configuration, as in the editor.",
    body: NO_FIELDS,
    response: ANALYSIS,
    handle: async (api, req) => api.analyze(req.project().path, req.signal),
  }),
];
