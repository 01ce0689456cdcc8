import { appendAudit, type AuditOutcome } from '../store/auditLog';
import type { Store } from '../store/store';

/** Who asks for an action, and whether they may: untrusted VS Code workspaces only read. */
export interface ActionContext {
  actor: 'vscode' | 'cli' | 'api';
  trusted: boolean;
  /** Where the audit row goes (once it is open); null when there is no store (it could not be opened). */
  store: Store | null | Promise<Store | null>;
  /** Told after an action ran (done or failed part way): what was worked out from the old state is stale. */
  changed?: () => void;
}

export interface ActionRequest {
  /** `start`, `stop`, `restart`, `backup`, `restore`, `deploy`, `env.select`, ... */
  action: string;
  /** Usually the project path. */
  target: string;
  /** What exactly happens (the command line, the archive); never secrets. */
  details?: Record<string, unknown>;
}

/** Thrown instead of running anything in an untrusted workspace. */
export class ActionRefused extends Error {
  constructor(readonly request: ActionRequest) {
    // `start`, `backup` read as verbs; ids like `roi.rate` do not, so they are named after a plain "change".
    const what = /^[a-z]+$/.test(request.action) ? `${request.action} anything` : `change anything (${request.action})`;
    super(`Optimus does not ${what} in an untrusted workspace. Trust the workspace to allow it.`);
  }
}

/** Thrown by an action that the user cancelled; audited as `cancelled`, not as an error. */
export class ActionCancelled extends Error {}

/**
 * The one place every action that changes or runs something goes through: refused when not trusted, and
 * written to the audit log with its outcome either way. Asking the user is the caller's part (the extension
 * shows what will run before it asks the server; a CLI command is the user asking).
 */
export async function runAction<T>(ctx: ActionContext, request: ActionRequest, run: () => Promise<T>): Promise<T> {
  if (!ctx.trusted) {
    await audit(ctx, request, 'denied');
    throw new ActionRefused(request);
  }
  try {
    const result = await run();
    await audit(ctx, request, 'ok');
    return result;
  } catch (error) {
    await audit(ctx, request, error instanceof ActionCancelled ? 'cancelled' : 'error', error);
    throw error;
  } finally {
    ctx.changed?.();
  }
}

async function audit(ctx: ActionContext, request: ActionRequest, outcome: AuditOutcome, error?: unknown): Promise<void> {
  const store = await ctx.store;
  if (!store) return;
  const details = error === undefined ? request.details : { ...request.details, error: error instanceof Error ? error.message : String(error) };
  try {
    await appendAudit(store, { actor: ctx.actor, action: request.action, target: request.target, details, outcome });
  } catch {
    // A failed audit write must not turn a done action into a failure; the store reports its own problems.
  }
}
