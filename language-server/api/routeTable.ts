import type { Route } from './route';
import { ANALYSIS_ROUTES } from './routes/analysisRoutes';
import { META_ROUTES } from './routes/metaRoutes';
import { MONETIZATION_ROUTES } from './routes/monetizationRoutes';
import { ORCHESTRATION_ROUTES } from './routes/orchestrationRoutes';
import { PROJECT_ROUTES } from './routes/projectRoutes';
import { RUNTIME_ROUTES } from './routes/runtimeRoutes';
import { TROUBLESHOOTING_ROUTES } from './routes/troubleshootingRoutes';

/** Every endpoint: the router routes with this list, and the OpenAPI document is made from it. A new endpoint is one entry. */
export const ROUTES: readonly Route[] = [
  ...PROJECT_ROUTES, ...RUNTIME_ROUTES, ...ANALYSIS_ROUTES, ...MONETIZATION_ROUTES, ...TROUBLESHOOTING_ROUTES, ...ORCHESTRATION_ROUTES, ...META_ROUTES,
];
