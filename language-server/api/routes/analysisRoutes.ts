import type { AnalyzerCategory } from '../../analyzer/types';
import type { ApiEngine } from '../apiEngine';
import { route, type Route, type RouteRequest } from '../route';
import { ANALYSIS_VIEW } from './shapes';

/** The seed's `analysis` endpoints: the findings of the last stored analysis, by category; nothing is analyzed. */
export const ANALYSIS_ROUTES: Route[] = (['quality', 'security', 'performance'] as const).map((category) =>
  route({
    method: 'GET', path: `/api/v1/analysis/{id}/${category}`, operationId: `analysis${category[0]?.toUpperCase()}${category.slice(1)}`, tag: 'analysis', scope: 'read',
    summary: `${category[0]?.toUpperCase()}${category.slice(1)} findings of the last analysis (POST /projects/{id}/analyze runs one)`,
    response: ANALYSIS_VIEW,
    handle: (api, req) => view(api, req, category),
  }),
);

async function view(api: ApiEngine, req: RouteRequest<unknown>, category: AnalyzerCategory) {
  const project = req.project();
  const d = await api.detail(project.path);
  const findings = d.findings.filter((f) => f.category === category);
  const latest = d.trend.at(-1) ?? null;
  const extra = category === 'quality'
    ? { health: latest && { score: latest.health, debtMinutes: latest.debtMinutes, debtRating: latest.debtRating, loc: latest.loc }, functions: d.functions }
    : category === 'security'
      ? { vulnerableDependencies: d.dependencies.filter((dep) => dep.vulnerable !== null) }
      : {};
  return { id: req.idOf(project), path: project.path, analyzedAt: d.analyzedAt, count: d.findingCounts[category] ?? findings.length, findings, ...extra, notes: d.notes };
}
