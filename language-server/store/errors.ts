/**
 * Errors the store throws on purpose. Each carries a `code` so callers (server, CLI) can react without parsing
 * messages, and a message written for the user, because the CLI and the extension show it as is.
 */
export type StoreErrorCode = 'lock-timeout' | 'lock-failed' | 'read-only' | 'closed' | 'bad-callback';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The code of a Node.js system error (`ENOENT`, `EACCES`, ...), or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
