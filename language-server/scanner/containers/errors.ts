export type ContainerErrorCode = 'unavailable' | 'not-found' | 'timeout' | 'failed';

/** What a container call failed with, in words a person understands; `code` lets callers branch. */
export class ContainerError extends Error {
  override readonly name = 'ContainerError';
  /** For `unavailable` and `timeout`: why, as the end of an `unavailable: ...` sentence. */
  readonly reason: string;

  constructor(
    readonly code: ContainerErrorCode,
    message: string,
    reason?: string,
  ) {
    super(message);
    this.reason = reason ?? message;
  }
}

/** A ContainerError for an engine that cannot be reached, worded for people. */
export function unavailableError(reason: string): ContainerError {
  return new ContainerError('unavailable', `The container engine is unavailable: ${reason}`, reason);
}

interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  name?: unknown;
  json?: unknown;
}

function errorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
}

/** The engine's own message from an HTTP error (`{"message": "..."}`), else the error's. */
export function engineMessage(error: unknown): string {
  const e = errorLike(error);
  const json = e.json as { message?: unknown; cause?: unknown } | null | undefined;
  if (json && typeof json.message === 'string') return json.message;
  return typeof e.message === 'string' ? e.message.trim() : String(error);
}

export function statusCode(error: unknown): number | undefined {
  const code = errorLike(error).statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** True when the error says the engine could not be reached at all (rather than refusing one request). */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof ContainerError) return error.code === 'unavailable' || error.code === 'timeout';
  const code = errorLike(error).code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

const CONNECTION_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ECONNRESET', 'EPIPE', 'ENOTSOCK',
  'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ABORT_ERR']);

/** Why the engine at `where` could not be reached, as the end of an `unavailable: ...` sentence. */
export function unreachableReason(error: unknown, where: string): string {
  const e = errorLike(error);
  switch (e.code) {
    case 'ENOENT':
      return `${where} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied on ${where} (add your user to the group that owns it, e.g. docker, or use rootless podman's socket)`;
    case 'ECONNREFUSED':
      return where.startsWith('/')
        ? `nothing answers on ${where} (the engine is not running; the socket file is left over)`
        : `nothing listens at ${where} (is the engine running?)`;
    case 'ENOTSOCK':
      return `${where} is not a socket`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${where} was not found`;
  }
  const status = statusCode(error);
  if (status !== undefined) return `${where} answered HTTP ${status}: it does not look like a Docker-compatible engine`;
  return `${where} does not answer like a Docker-compatible engine (${engineMessage(error)})`;
}
