import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import { runAction } from '../orchestrator/actionGate';
import { ApiStatusRequest, ApiTokenCreateRequest, ApiTokenRevokeRequest, ApiTokensRequest, type ApiStatus, type ApiTokenCreateParams, type ServerMessageParams } from '../protocol';
import { checkSettings } from '../settings';
import { ApiServer } from './apiServer';
import { engineApi } from './engineAdapter';
import { ApiMetrics } from './metrics/apiMetrics';
import { isScope, TOKEN_ID_PATTERN } from './tokens/tokenFormat';
import { TokenService } from './tokens/tokenService';

declare const OPTIMUS_VERSION: string | undefined;

export interface LspApiDeps {
  /** The engine once it starts (null before `initialized`). */
  engine: () => Promise<Engine> | null;
  /** The raw `optimus` settings, pulled from the client. */
  settings: () => Promise<unknown>;
  trusted: () => boolean;
  tell: (message: ServerMessageParams) => void;
}

export interface LspApi {
  /** Reads `optimus.api` again: starts, stops or moves the API to match. */
  update(): Promise<void>;
  dispose(): Promise<void>;
}

const MAX_EXPIRY_DAYS = 3650;

/**
 * The REST API inside the language server: listening only while `optimus.api.enabled` is on, over the same
 * engine the editor uses; and the requests with which the extension makes, lists and revokes tokens.
 */
export function registerApi(connection: Connection, deps: LspApiDeps): LspApi {
  const metrics = new ApiMetrics();
  let server: ApiServer | null = null;
  let port = 0;
  let status: ApiStatus = { enabled: false, url: null, error: null };
  let tokens: TokenService | null = null;
  let queue: Promise<void> = Promise.resolve();
  const engine = async (): Promise<Engine> => {
    const starting = deps.engine();
    if (!starting) throw new Error('Optimus is still starting; try again in a moment.');
    return starting;
  };
  const tokenService = async (): Promise<TokenService> => {
    const e = await engine();
    return (tokens ??= new TokenService({ store: () => e.store() }));
  };

  const apply = async (): Promise<void> => {
    const starting = deps.engine();
    if (!starting) return;
    const wanted = checkSettings(await deps.settings()).settings.api;
    if (server && (!wanted.enabled || wanted.port !== port)) {
      await server.close();
      server = null;
    }
    status = { enabled: wanted.enabled, url: server?.url ?? null, error: null };
    if (!wanted.enabled || server) return;
    const e = await starting;
    try {
      server = await ApiServer.listen({
        api: engineApi(e, { onScan: (s) => metrics.scans.observe(s), onAnalysis: (s) => metrics.analyses.observe(s) }),
        tokens: await tokenService(), metrics, port: wanted.port, version: typeof OPTIMUS_VERSION === 'string' ? OPTIMUS_VERSION : 'dev',
        onError: (message) => connection.console.warn(message),
      });
      port = wanted.port;
      status = { enabled: true, url: server.url, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      status = { enabled: true, url: null, error: message };
      deps.tell({ severity: 'warning', message: `The Optimus API could not start: ${message} (setting optimus.api.port).` });
    }
  };

  connection.onRequest(ApiStatusRequest.type, () => status);
  connection.onRequest(ApiTokensRequest.type, async () => (await tokenService()).list());
  connection.onRequest(ApiTokenCreateRequest.type, async (params) => {
    const request = validCreate(params);
    const [e, service] = await Promise.all([engine(), tokenService()]);
    const expiresAt = request.expiresInDays === undefined ? null : new Date(Date.now() + request.expiresInDays * 86_400_000);
    const details: Record<string, unknown> = { scope: request.scope, name: request.name ?? '', expiresAt: expiresAt?.toISOString() ?? null };
    return runAction({ actor: 'vscode', trusted: deps.trusted(), store: e.store() }, { action: 'token.create', target: 'api', details }, async () => {
      const made = await service.create({ scope: request.scope, name: request.name ?? '', expiresAt });
      details.id = made.id;
      return made;
    });
  });
  connection.onRequest(ApiTokenRevokeRequest.type, async (params) => {
    const id = typeof params?.id === 'string' && TOKEN_ID_PATTERN.test(params.id) ? params.id : null;
    if (id === null) throw new Error('Not a token id: ids are 12 hex digits.');
    const [e, service] = await Promise.all([engine(), tokenService()]);
    return runAction({ actor: 'vscode', trusted: deps.trusted(), store: e.store() }, { action: 'token.revoke', target: 'api', details: { id } }, async () => ({ revoked: await service.revoke(id) }));
  });

  return {
    // One change at a time: a setting toggled twice quickly must not start two servers.
    update: () => (queue = queue.then(apply, apply).catch((error: unknown) => connection.console.warn(`Optimus API: ${String(error)}`))),
    async dispose() {
      await queue;
      await server?.close();
      server = null;
      await tokens?.dispose();
    },
  };
}

function validCreate(params: ApiTokenCreateParams): ApiTokenCreateParams {
  if (!isScope(params?.scope)) throw new Error('scope must be "read" or "write".');
  if (params.name !== undefined && (typeof params.name !== 'string' || params.name.length > 100)) throw new Error('name must be a string of at most 100 characters.');
  const days = params.expiresInDays;
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)) throw new Error(`expiresInDays must be a whole number from 1 to ${MAX_EXPIRY_DAYS}.`);
  return params;
}
