/**
 * PEP 440 version specifiers (`>=3.9,<4`, `~=3.10`, `==3.11.*`, `!=3.9.1`) against a Python version, for
 * `requires-python`. Releases are compared by their numbers, zero-padded (3.9 == 3.9.0); pre- and post-release
 * suffixes of the installed version are ignored, which only matters for interpreters nobody runs day to day.
 */
import { satisfiesNpmRange } from './npmRange';

type Release = number[];

export function satisfiesPep440(version: string, specifiers: string): boolean | undefined {
  const v = release(version);
  if (!v) return undefined;
  const parts = specifiers.split(',').map((s) => s.trim()).filter((s) => s !== '');
  let all = true;
  for (const part of parts) {
    const ok = clause(v, part, version);
    if (ok === undefined) return undefined;
    all &&= ok;
  }
  return all;
}

/**
 * Poetry's `python = "^3.9"` uses npm-like carets and tildes (with `,` for "and", `||` for "or"); anything else
 * it accepts is PEP 440.
 */
export function satisfiesPoetryPython(version: string, constraint: string): boolean | undefined {
  const c = constraint.trim();
  if (c === '*' || c === '') return true;
  if (/\^|~(?!=)|\|\|/.test(c)) return satisfiesNpmRange(release(version)?.join('.') ?? version, c.replace(/,/g, ' '));
  return satisfiesPep440(version, /^\d/.test(c) ? `==${c}` : c);
}

function release(text: string): Release | undefined {
  const m = /^\s*v?(\d+(?:\.\d+)*)/.exec(text);
  return m ? (m[1] as string).split('.').map(Number) : undefined;
}

function clause(v: Release, text: string, raw: string): boolean | undefined {
  const m = /^(===|==|!=|~=|<=|>=|<|>)\s*([0-9][\w.*+!-]*)$/.exec(text);
  if (!m) return undefined;
  const op = m[1] as string;
  const target = m[2] as string;
  if (op === '===') return raw.trim() === target;
  if (target.endsWith('.*')) {
    const prefix = release(target.slice(0, -2));
    if (!prefix || (op !== '==' && op !== '!=')) return undefined;
    return startsWith(v, prefix) === (op === '==');
  }
  const t = release(target);
  if (!t) return undefined;
  if (op === '~=') return t.length >= 2 && compare(v, t) >= 0 && startsWith(v, t.slice(0, -1));
  const d = compare(v, t);
  switch (op) {
    case '==': return d === 0;
    case '!=': return d !== 0;
    case '<': return d < 0;
    case '<=': return d <= 0;
    case '>': return d > 0;
    default: return d >= 0;
  }
}

function compare(a: Release, b: Release): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function startsWith(v: Release, prefix: Release): boolean {
  return prefix.every((n, i) => (v[i] ?? 0) === n);
}
