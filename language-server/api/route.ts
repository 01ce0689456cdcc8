import type { Project } from '../model';
import type { ApiEngine } from './apiEngine';
import type { JsonSchema, Schema } from './schema';
import type { TokenScope } from './tokens/tokenFormat';

export type Method = 'GET' | 'POST';

/** What a handler gets: the URL's parameters decoded, the checked body, and the project `{id}` names. */
export interface RouteRequest<B> {
  params: Readonly<Record<string, string>>;
  body: B;
  query: URLSearchParams;
  /** Aborted when the client goes away: long work (an analysis, a backup) stops with it. */
  signal: AbortSignal;
  /** The project `{id}` names, or a 404 ApiError. */
  project(): Project;
  idOf(project: Project): string;
  /** What only the server holds: its OpenAPI document and its metrics. */
  server: { openapi(): object; metrics(): Promise<string> };
}

/** A body that is not JSON (the Prometheus text of /metrics), or JSON serialised already (the project list). */
export class RawBody {
  constructor(readonly contentType: string, readonly content: string | Buffer) {}
}

/** One endpoint: where, who may call it, what it takes and answers (for OpenAPI), and what it does. */
export interface Route<B = unknown> {
  method: Method;
  /** A template, `{name}` for a parameter: `/api/v1/projects/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  /** `write` for anything that starts, stops, fixes, deploys or backs up. */
  scope: TokenScope;
  summary: string;
  description?: string;
  body?: Schema<B>;
  /** Long work (a walk, an analysis, an archive): only a few run at once, whoever asks. */
  heavy?: boolean;
  /** JSON Schema of the 200 answer. */
  response: JsonSchema;
  handle(api: ApiEngine, req: RouteRequest<B>): Promise<unknown>;
}

/** Hides a route's body type so routes of any body share one table. */
export function route<B>(r: Route<B>): Route {
  return r as unknown as Route;
}
