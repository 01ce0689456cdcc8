/** Short renderings of manifest values for evidence sentences: enough to recognise, never a whole document. */

/** `"tool"`, `{"tool": ...}`, `{"a": ..., "b": ...}`, `[...]`. */
export function shortValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[...]';
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 3).map((k) => `${JSON.stringify(k)}: ...`);
    return `{${shown.join(', ')}${keys.length > 3 ? ', ...' : ''}}`;
  }
  return String(value);
}

/** `package.json has "bin": {"tool": ...}`. */
export function hasField(file: string, key: string, value: unknown): string {
  return `${file} has ${JSON.stringify(key)}: ${shortValue(value)}`;
}
