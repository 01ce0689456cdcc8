/**
 * The modules a Python file imports (`import a.b as c, d`, `from a.b import c`), with where each name is written.
 * Relative imports (`from . import x`) are the package's own. Imports guarded by `try:`/`except` (optional
 * dependencies with a fallback) or `if TYPE_CHECKING:` are marked: a missing one does not stop the program.
 */
import { pythonCodeMask } from './pythonLexer';

export interface PythonImport {
  /** Dotted name as written: `google.cloud.storage`. */
  module: string;
  start: number;
  end: number;
  guarded: boolean;
}

interface Block {
  indent: number;
  guard: boolean;
}

const STATEMENT = /^[ \t]*(?:import[ \t]+(.+)|from[ \t]+([\w.]+)[ \t]+import\b)/;
const GUARD_HEADER = /^(?:try|except\b.*|if\s+(?:typing\.)?TYPE_CHECKING)\s*:\s*$/;

export function pythonImports(text: string): PythonImport[] {
  const masked = pythonCodeMask(text);
  const found: PythonImport[] = [];
  const blocks: Block[] = [];
  let depth = 0;
  let offset = 0;
  for (const line of masked.split('\n')) {
    const body = line.trim();
    if (depth === 0 && body !== '') {
      const indent = line.length - line.trimStart().length;
      while ((blocks.at(-1)?.indent ?? -1) >= indent) blocks.pop();
      const guarded = blocks.some((b) => b.guard);
      for (const [part, at] of statements(line)) found.push(...importsIn(part, offset + at, guarded));
      if (body.endsWith(':')) blocks.push({ indent, guard: GUARD_HEADER.test(body) });
    }
    depth = Math.max(0, depth + bracketBalance(line));
    offset += line.length + 1;
  }
  return found;
}

/** `import os; import foo` holds two statements; each with its offset in the line. */
function statements(line: string): [string, number][] {
  const parts: [string, number][] = [];
  let at = 0;
  for (const part of line.split(';')) {
    parts.push([part, at]);
    at += part.length + 1;
  }
  return parts;
}

function importsIn(statement: string, offset: number, guarded: boolean): PythonImport[] {
  const m = STATEMENT.exec(statement);
  if (!m) return [];
  if (m[2] !== undefined) {
    if (m[2].startsWith('.')) return [];
    const at = statement.indexOf(m[2], statement.indexOf('from') + 4);
    return [{ module: m[2], start: offset + at, end: offset + at + m[2].length, guarded }];
  }
  const list = m[1] ?? '';
  const listAt = statement.indexOf(list);
  const out: PythonImport[] = [];
  let at = 0;
  for (const item of list.split(',')) {
    const name = /^\s*([A-Za-z_][\w.]*)/.exec(item);
    if (name?.[1]) {
      const start = offset + listAt + at + item.indexOf(name[1]);
      out.push({ module: name[1], start, end: start + name[1].length, guarded });
    }
    at += item.length + 1;
  }
  return out;
}

/** Lines inside an open bracket continue a statement: their indentation says nothing about blocks. */
function bracketBalance(line: string): number {
  let balance = 0;
  for (const c of line) {
    if (c === '(' || c === '[' || c === '{') balance++;
    else if (c === ')' || c === ']' || c === '}') balance--;
  }
  return balance;
}
