import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEngine } from './apiEngine';
import { ApiMetrics } from './metrics/apiMetrics';
import { openApiDocument } from './openapi';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rateLimit';
import { createHandler } from './requestHandler';
import { ROUTES } from './routeTable';
import { Router } from './router';
import type { TokenService } from './tokens/tokenService';

/** Loopback only: the API is for programs of the user on this machine, never for the network. */
export const API_HOST = '127.0.0.1';
export const DEFAULT_API_PORT = 7878;

export interface ApiServerOptions {
  api: ApiEngine;
  tokens: TokenService;
  /** 0 for any free port. */
  port: number;
  version: string;
  metrics?: ApiMetrics;
  rateLimit?: RateLimit;
  /** Slow clients are cut off: headers must be in within `headersMs`, the whole request within `requestMs`. */
  timeouts?: { headersMs: number; requestMs: number; keepAliveMs: number };
  onError?: (message: string) => void;
}

const DEFAULT_TIMEOUTS = { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 };
/** More than enough for any local client; a program opening sockets without end is refused, not served. */
const MAX_CONNECTIONS = 512;
const FAILED_AUTH_LIMIT: RateLimit = { perSecond: 50, burst: 100 };

/** The REST API on 127.0.0.1: `ApiServer.listen` resolves once it accepts connections. */
export class ApiServer {
  private constructor(private readonly server: http.Server, readonly metrics: ApiMetrics) {}

  private listening = 0;

  /** The port it listens on (0 before it does). */
  get port(): number {
    return this.listening;
  }

  get url(): string {
    return `http://${API_HOST}:${this.port}`;
  }

  static async listen(options: ApiServerOptions): Promise<ApiServer> {
    const metrics = options.metrics ?? new ApiMetrics();
    const router = new Router(ROUTES);
    let document: object | null = null;
    const t = options.timeouts ?? DEFAULT_TIMEOUTS;
    const server = http.createServer({ headersTimeout: t.headersMs, requestTimeout: t.requestMs, keepAliveTimeout: t.keepAliveMs, connectionsCheckingInterval: Math.min(1000, t.headersMs) });
    const api = new ApiServer(server, metrics);
    server.maxConnections = MAX_CONNECTIONS;
    server.on('request', createHandler({
      api: options.api,
      router,
      tokens: options.tokens,
      limiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
      failures: new RateLimiter(FAILED_AUTH_LIMIT),
      metrics,
      openapi: () => (document ??= openApiDocument(ROUTES, options.version)),
      port: () => api.port,
      onError: options.onError ?? (() => undefined),
    }));
    // A client that sends garbage gets a 400 and is closed; it must never take the server down.
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (socket.writable) socket.end(clientErrorAnswer(error.code));
      socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on ${API_HOST} is in use; choose another port.`) : error));
      server.listen({ port: options.port, host: API_HOST }, () => resolve());
    });
    api.listening = (server.address() as AddressInfo).port;
    server.on('error', (error) => options.onError?.(`API server: ${error.message}`));
    return api;
  }

  /** Stops accepting, ends every connection (idle or not), and resolves when the server is closed. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}

/** The raw answer to a request that never became one: too slow (408), headers too large (431), garbage (400). */
function clientErrorAnswer(code: string | undefined): string {
  const [status, text, message] = code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? [408, 'Request Timeout', 'The request did not arrive in time.']
    : code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'The request headers are too large.'] : [400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code: status === 408 ? 'timeout' : 'bad_request', message } });
  return `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}
