import { conflict } from '../http/apiError';
import { route } from '../route';
import { obj, oneOf, optional, str } from '../schema';
import { BACKUP, DEPLOY_CONFIRMED, DEPLOY_PLAN } from './shapes';

/** The seed's `orchestration` endpoints: deployment and backups. */
export const ORCHESTRATION_ROUTES = [
  route({
    method: 'GET', path: '/api/v1/orchestration/{id}/deploy', operationId: 'deployPlan', tag: 'orchestration', scope: 'read',
    summary: 'How the project deploys: the detected targets and the command that would run',
    response: DEPLOY_PLAN,
    handle: async (api, req) => api.deployPlan(req.project().path),
  }),
  route({
    method: 'POST', path: '/api/v1/orchestration/{id}/deploy', operationId: 'deploy', tag: 'orchestration', scope: 'write',
    summary: 'Confirm a deploy: checks the command is still the plan\'s and audits it; answers what to run where',
    description: 'As in the editor, where the deploy runs in a terminal so its prompts (logins, confirmations) can be answered, Optimus does not run the deploy tool itself: the caller runs the answered command in the answered folder.',
    body: obj({ command: str({ max: 2000, oneLine: true, description: 'The deploy command you saw in the plan.' }) }),
    response: DEPLOY_CONFIRMED,
    handle: async (api, req) => {
      const project = req.project();
      const plan = await api.deployPlan(project.path);
      if (plan.command === null) throw conflict(`Optimus knows no way to deploy ${project.name}: GET this route for the targets it looked for.`);
      if (plan.command !== req.body.command) throw conflict(`The deploy command is "${plan.command}", not "${req.body.command}"; nothing was confirmed.`);
      return api.deploy(project.path, plan.command);
    },
  }),
  route({
    method: 'POST', path: '/api/v1/orchestration/{id}/backup', operationId: 'backup', heavy: true, tag: 'orchestration', scope: 'write',
    summary: 'Back up the project (tar.gz, git bundle, manifest) into the backup folder; audited',
    body: obj({ mode: optional(oneOf(['git-files', 'folder'] as const, 'git-files: the files git knows (default in a repository); folder: everything but dependency and build folders.')) }),
    response: BACKUP,
    handle: async (api, req) => api.backup({ path: req.project().path, ...(req.body.mode ? { mode: req.body.mode } : {}) }, req.signal),
  }),
];
