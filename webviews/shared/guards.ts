/**
 * Building blocks for the `is…()` guards of the webview protocols. Messages cross a trust boundary both ways
 * (a webview may be compromised; a host may send what an older webview does not know), so every field is
 * checked, strings and lists are bounded, and anything else is rejected rather than coerced.
 */

export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string no longer than `max` characters: a huge string is as suspect as a missing one. */
export function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

export function isInt(value: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

export function isFraction(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

export function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

export function isListOf<T>(value: unknown, max: number, item: Guard<T>): value is T[] {
  return Array.isArray(value) && value.length <= max && value.every((v) => item(v));
}

export function isNullOr<T>(value: unknown, guard: Guard<T>): value is T | null {
  return value === null || guard(value);
}

/** A short name of what was dropped for the log line: its `type` when that is a short string, never its content. */
export function describeDropped(value: unknown): string {
  if (!isRecord(value)) return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return isText(value.type, 40) ? `type "${value.type}"` : 'an object without a known type';
}
