import { route } from '../route';
import { OPPORTUNITIES, RECOMMENDATIONS, ROI } from './shapes';

/** The seed's `monetization` endpoints: revenue models, return on investment, what to do next. */
export const MONETIZATION_ROUTES = [
  route({
    method: 'GET', path: '/api/v1/monetization/{id}/opportunities', operationId: 'monetizationOpportunities', tag: 'monetization', scope: 'read',
    summary: 'What kind of project it is and the revenue models that fit it, best first',
    response: OPPORTUNITIES,
    handle: async (api, req) => {
      const project = req.project();
      const m = await api.money(project.path);
      return { id: req.idOf(project), path: m.path, type: m.type, typeEvidence: m.typeEvidence, opportunities: m.opportunities, market: m.market, notes: m.notes };
    },
  }),
  route({
    method: 'GET', path: '/api/v1/monetization/{id}/roi', operationId: 'monetizationRoi', tag: 'monetization', scope: 'read',
    summary: 'Hours invested (from git history), the costs and revenue entered, and the return on investment',
    response: ROI,
    handle: async (api, req) => {
      const project = req.project();
      const m = await api.money(project.path);
      return { id: req.idOf(project), path: m.path, hours: m.hours, hourlyRate: m.hourlyRate, entries: m.entries, figures: m.figures, notes: m.notes };
    },
  }),
  route({
    method: 'GET', path: '/api/v1/monetization/recommend', operationId: 'recommendAll', tag: 'monetization', scope: 'read',
    summary: 'What to do next across every project, ranked by impact over effort',
    response: RECOMMENDATIONS,
    handle: async (api) => ({ recommendations: await api.advise() }),
  }),
  route({
    method: 'GET', path: '/api/v1/monetization/{id}/recommend', operationId: 'recommendProject', tag: 'monetization', scope: 'read',
    summary: 'What to do next in one project, ranked by impact over effort',
    response: RECOMMENDATIONS,
    handle: async (api, req) => ({ recommendations: await api.advise(req.project().path) }),
  }),
];
