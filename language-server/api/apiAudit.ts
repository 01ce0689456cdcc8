import { appendAudit } from '../store/auditLog';
import type { Store } from '../store/store';

export interface RefusedWrite {
  /** The route's operationId, or `no-route` for a path no route has. */
  operation: string;
  method: string;
  path: string;
  status: number;
  code: string;
  message: string;
  tokenId: string;
  /** The project's path when the URL named a known one; the URL path otherwise. */
  target: string;
}

const MAX_PATH_CHARS = 300;

/**
 * A write call the API refused or that failed before (or without) reaching the engine's action gate: the gate
 * audits what it runs, this audits the rest, so every authenticated write call leaves a row. Unauthenticated
 * and rate-limited calls leave none: a flood of them must not become a flood of writes to the store.
 */
export async function auditRefusedWrite(store: Store | null, w: RefusedWrite): Promise<void> {
  if (!store || store.readOnlyReason) return;
  const details = { method: w.method, path: w.path.slice(0, MAX_PATH_CHARS), status: w.status, code: w.code, error: w.message.slice(0, 500), token: w.tokenId };
  await appendAudit(store, { actor: 'api', action: `api.${w.operation}`, target: w.target.slice(0, MAX_PATH_CHARS), details, outcome: w.status === 403 ? 'denied' : 'error' }).catch(() => undefined);
}
