import { AsyncLocalStorage } from 'node:async_hooks';
import type { ActionContext } from '../orchestrator/actionGate';

/**
 * Who asked for what runs now. The language server's engine serves the editor and, when turned on, the REST
 * API at once: an action the API asked for is audited as `api` although the same engine runs it. The actor
 * follows the request through every await, with no parameter threaded through the services.
 */
const current = new AsyncLocalStorage<ActionContext['actor']>();

export function runAs<T>(actor: ActionContext['actor'], work: () => T): T {
  return current.run(actor, work);
}

/** The actor of the request being served; undefined outside one (the engine then uses its own). */
export function currentActor(): ActionContext['actor'] | undefined {
  return current.getStore();
}
