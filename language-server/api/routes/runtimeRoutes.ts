import { conflict } from '../http/apiError';
import { route } from '../route';
import { obj, optional, str } from '../schema';
import { RUN_INFO, RUNTIME_STATUS, STOP_RESULT } from './shapes';

/** The seed's `runtime` endpoints: what runs, start, stop. */
export const RUNTIME_ROUTES = [
  route({
    method: 'GET', path: '/api/v1/runtime/status', operationId: 'runtimeStatus', tag: 'runtime', scope: 'read',
    summary: 'What runs now: each running (or crashed) project, the processes in projects or on ports, containers',
    response: RUNTIME_STATUS,
    handle: async (api, req) => {
      const snapshot = await api.runtimeSnapshot();
      const projects = api.projects().flatMap((p) => {
        const runtime = api.runtimeOf(p.path);
        return runtime ? [{ id: req.idOf(p), ...runtime }] : [];
      });
      const processes = snapshot.processes.filter((p) => p.projectPath !== null || p.ports.length > 0);
      return { takenAt: snapshot.takenAt, docker: snapshot.docker, projects, processes, containers: snapshot.containers };
    },
  }),
  route({
    method: 'POST', path: '/api/v1/runtime/{id}/start', operationId: 'startProject', tag: 'runtime', scope: 'write',
    summary: 'Start the project with the command Optimus detected (or the one saved for it); audited',
    description: 'Send `command` to make sure what runs is what you saw in the plan: when the plan changed meanwhile, nothing starts (409).',
    body: obj({ command: optional(str({ max: 2000, oneLine: true, description: 'The start command you expect; refused with 409 when the plan differs.' })) }),
    response: RUN_INFO,
    handle: async (api, req) => {
      const project = req.project();
      const plan = await api.startPlan(project.path);
      if (!plan) throw conflict(`Optimus knows no way to start ${project.name}: give it a start command (.optimus.json "start", or a dev/start script).`);
      if (req.body.command !== undefined && req.body.command !== plan.command) throw conflict(`The start command is "${plan.command}", not "${req.body.command}"; nothing was started.`);
      return api.start({ path: project.path, command: plan.command });
    },
  }),
  route({
    method: 'POST', path: '/api/v1/runtime/{id}/stop', operationId: 'stopProject', tag: 'runtime', scope: 'write',
    summary: "Stop everything that runs for the project (its run, its processes, its containers), or one run; audited",
    body: obj({ runId: optional(str({ max: 100, oneLine: true, description: 'Stop only this run of the project.' })) }),
    response: STOP_RESULT,
    handle: async (api, req) => api.stop(req.project().path, req.body.runId),
  }),
];
