import { parse as parseToml } from 'smol-toml';
import { XMLValidator } from 'fast-xml-parser';
import YAML from 'yaml';

/** A parse outcome whose failure message says what is wrong and where, ready to put in a finding. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; line?: number };

export function parseJsonText(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return jsonFailure(text, error);
  }
}

/** JSON with comments and trailing commas, as in deno.jsonc and tsconfig.json. */
export function parseJsoncText(text: string): Parsed<unknown> {
  return parseJsonText(stripJsonComments(text));
}

export function parseTomlText(text: string): Parsed<Record<string, unknown>> {
  try {
    return { ok: true, value: parseToml(text) as Record<string, unknown> };
  } catch (error) {
    const first = errorMessage(error).split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid';
    const line = lineOf(error);
    return { ok: false, message: `not valid TOML: ${first}${line === undefined ? '' : ` at line ${line}`}`, line };
  }
}

export function parseYamlText(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: YAML.parse(text, { maxAliasCount: 100 }) };
  } catch (error) {
    const first = errorMessage(error).split('\n')[0]?.replace(/:$/, '') ?? 'invalid';
    const pos = (error as { linePos?: { line: number }[] }).linePos;
    return { ok: false, message: `not valid YAML: ${first}`, line: pos?.[0]?.line };
  }
}

/** Checks well-formedness only; callers parse afterwards with the options they need. */
export function validateXmlText(text: string): Parsed<true> {
  const result = XMLValidator.validate(text);
  if (result === true) return { ok: true, value: true };
  const { msg, line, col } = result.err;
  return { ok: false, message: `not well-formed XML: ${msg} (line ${line}, column ${col})`, line };
}

function jsonFailure(text: string, error: unknown): Parsed<never> {
  const raw = errorMessage(error);
  const match = /at position (\d+)/.exec(raw);
  const position = match ? Number(match[1]) : /end of JSON input/.test(raw) ? text.length : undefined;
  const reason = raw.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (position === undefined) return { ok: false, message: `not valid JSON: ${reason}` };
  const { line, column } = lineColumn(text, position);
  return { ok: false, message: `not valid JSON: ${reason} at line ${line}, column ${column}`, line };
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: position - lastBreak };
}

/** Removes // and /* *\/ comments and trailing commas outside strings (a comma before a comment-then-brace stays). */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 256))) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function lineOf(error: unknown): number | undefined {
  const line = (error as { line?: unknown }).line;
  return typeof line === 'number' ? line : undefined;
}
