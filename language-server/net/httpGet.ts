/**
 * One GET to a public JSON API, for the few places the engine asks the network (npm dist-tags, market
 * signals). Every answer is treated as hostile: redirects are not followed, the body is size-capped while it
 * streams in, and nothing throws: a failure is an answer with a short, fixed-vocabulary reason.
 */

export type HttpAnswer =
  /** The server answered. `body` is null when it was not read (see `readBody`) or passed `maxBytes`. */
  | { kind: 'answered'; status: number; headers: Headers; body: string | null; tooLarge: boolean }
  /** No answer at all: DNS, refused, reset, timeout, cancelled by the caller. */
  | { kind: 'failed'; reason: string };

export interface HttpRequest {
  /** For the whole exchange, headers and body. */
  timeoutMs: number;
  /** The caller's cancellation; its abort reads as the reason `cancelled`. */
  signal?: AbortSignal;
  maxBytes: number;
  headers?: Record<string, string>;
  /** Which statuses are worth reading the body of; default 2xx. Other bodies are discarded unread. */
  readBody?: (status: number) => boolean;
}

const SUCCESS = (status: number): boolean => status >= 200 && status < 300;

/** Never throws. `url` must already be built from checked parts: it is not logged or put into notes. */
export async function httpGet(url: string, request: HttpRequest): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    // Redirects are not followed: these APIs answer themselves, and a redirect could lead anywhere.
    const response = await fetch(url, { signal, redirect: 'manual', headers: request.headers ?? {} });
    if (!(request.readBody ?? SUCCESS)(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'answered', status: response.status, headers: response.headers, body: null, tooLarge: false };
    }
    const body = await readCapped(response, request.maxBytes);
    return { kind: 'answered', status: response.status, headers: response.headers, body, tooLarge: body === null };
  } catch (error) {
    return { kind: 'failed', reason: failureReason(error, request.signal) };
  }
}

/** The body as text, or null once it passes `max` bytes (after decompression, so a zip bomb stops early too). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A short, fixed-vocabulary reason: error messages could quote a URL, and a URL could carry credentials. */
function failureReason(error: unknown, callerSignal: AbortSignal | undefined): string {
  if (callerSignal?.aborted) return 'cancelled';
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : 'network error';
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
