import { runAction, type ActionRequest } from '../orchestrator/actionGate';
import type { CliContext } from './command';

/**
 * Runs an action through the orchestrator's gate as the CLI: trusted (the user typed the command) and audited
 * in the store. `request.details` may be filled in by `run` (a pid is known only once started): the gate
 * writes the row after `run` ends, so what `run` adds is in it.
 */
export function cliAction<T>(ctx: CliContext, request: ActionRequest, run: () => Promise<T>): Promise<T> {
  return runAction({ actor: 'cli', trusted: true, store: ctx.store }, request, run);
}
