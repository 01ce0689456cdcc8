import { parseDotenv } from '../../../orchestrator/env/dotenv';

/** Characters every .env loader (dotenv, Node's --env-file, Vite, Docker Compose) reads the same way unquoted. */
const BARE = /^[A-Za-z0-9_./:@+=,%~-]*$/;

/**
 * How `value` is written after `NAME=` so that dotenv, Node and Compose all read it back unchanged; null when no
 * quoting does (a value with a single quote, a double quote or backslash, and a newline: they disagree on escapes).
 */
export function dotenvValue(value: string): string | null {
  if (BARE.test(value)) return value;
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  if (!/["\\]/.test(value)) return `"${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
  return null;
}

/**
 * The name the value gets in .env: `base` if free or already holding this very value, else `base_2`, `base_3`...
 * `reused` says the .env already has it, so nothing needs appending.
 */
export function envNameIn(envText: string | null, base: string, value: string): { name: string; reused: boolean } {
  const existing = new Map(parseDotenv(envText ?? '').entries.map((e) => [e.key, e.value]));
  let name = base;
  for (let n = 2; existing.has(name) && existing.get(name) !== value; n++) name = `${base}_${n}`;
  return { name, reused: existing.get(name) === value };
}

/** `text` with one more line, starting on a fresh line. */
export function appendLine(text: string | null, line: string): string {
  const before = text ?? '';
  return `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${line}\n`;
}

/** The new .gitignore text, or null when `.env` at the root is already ignored (the last matching rule wins, as in git). */
export function gitignoreWithEnv(gitignore: string | null): string | null {
  let ignored = false;
  for (const raw of (gitignore ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (ignoresRootEnv(negated ? line.slice(1) : line)) ignored = !negated;
  }
  return ignored ? null : appendLine(gitignore, '.env');
}

/** Whether one pattern matches the file `.env` at the root; a pattern ending in `/` only matches folders. */
function ignoresRootEnv(pattern: string): boolean {
  const body = pattern.replace(/^\//, '').replace(/^\*\*\//, '');
  if (body.endsWith('/') || body.includes('/')) return false;
  const regex = body.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  try {
    return new RegExp(`^${regex}$`).test('.env');
  } catch {
    return false;
  }
}
