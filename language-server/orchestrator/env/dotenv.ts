/**
 * The dotenv format as the common loaders (dotenv, dotenv-flow, Vite, Docker Compose) read it: `KEY=value`,
 * `export KEY=value`, `#` comments, single-quoted (literal), double-quoted (escapes, may span lines) and
 * backtick-quoted values. `${VAR}` is kept as written: expanding it is the loader's business, not ours.
 *
 * Problems never quote the line: a line that is not `KEY=value` may well be a pasted secret.
 */

export interface DotenvEntry {
  key: string;
  value: string;
  /** 1-based line where the key is written. */
  line: number;
}

export type DotenvProblemKind = 'invalid-line' | 'unclosed-quote' | 'after-quote' | 'duplicate-key';

export interface DotenvProblem {
  kind: DotenvProblemKind;
  line: number;
  message: string;
}

export interface ParsedDotenv {
  /** One per key, the last assignment winning (as every loader does); in order of first appearance. */
  entries: DotenvEntry[];
  problems: DotenvProblem[];
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;
const QUOTES = new Set(['"', "'", '`']);
/** A PEM key is ~50 lines; a quote still open after this many was never meant to be closed. */
const MAX_VALUE_LINES = 1000;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

interface Scan {
  lines: readonly string[];
  entries: DotenvEntry[];
  problems: DotenvProblem[];
}

export function parseDotenv(text: string): ParsedDotenv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan: Scan = { lines: body.split(/\r\n|\n|\r/), entries: [], problems: [] };
  for (let index = 0; index < scan.lines.length; ) index += parseAt(scan, index);
  return { entries: lastWins(scan.entries, scan.problems), problems: scan.problems.sort((a, b) => a.line - b.line) };
}

/** Parses the statement starting at line `index`; returns how many lines it took. */
function parseAt(scan: Scan, index: number): number {
  const raw = scan.lines[index] ?? '';
  const line = index + 1;
  if (raw.trim() === '' || raw.trimStart().startsWith('#')) return 1;
  const match = ASSIGNMENT.exec(raw);
  if (!match?.[1]) {
    scan.problems.push({ kind: 'invalid-line', line, message: `line ${line} is not KEY=value, so it was ignored` });
    return 1;
  }
  const key = match[1];
  const after = match[2] ?? '';
  const rest = after.trimStart();
  if (!QUOTES.has(rest.charAt(0))) {
    scan.entries.push({ key, value: unquoted(after), line });
    return 1;
  }
  return quoted(scan, index, key, rest);
}

/** A `#` starts a comment only after whitespace (`KEY= # note` is empty), so `p4ss#word` and URL fragments survive. */
function unquoted(after: string): string {
  // a loop rather than /\s+#.*$/, which backtracks for every position of a long run of spaces
  for (let at = after.indexOf('#'); at >= 0; at = after.indexOf('#', at + 1)) {
    if (at > 0 && /\s/.test(after.charAt(at - 1))) return after.slice(0, at).trim();
  }
  return after.trim();
}

function quoted(scan: Scan, index: number, key: string, rest: string): number {
  const line = index + 1;
  const quote = rest.charAt(0);
  let text = rest.slice(1);
  let from = 0;
  for (let taken = 1; taken <= MAX_VALUE_LINES; taken++) {
    const end = closingQuote(text, quote, from);
    if (end.found >= 0) {
      scan.entries.push({ key, value: quote === '"' ? unescape(text.slice(0, end.found)) : text.slice(0, end.found), line });
      checkTail(scan, text.slice(end.found + 1), key, index + taken);
      return taken;
    }
    const next = scan.lines[index + taken];
    if (next === undefined) break;
    from = end.resume;
    text += `\n${next}`;
  }
  scan.problems.push({ kind: 'unclosed-quote', line, message: `line ${line}: the value of ${key} opens a ${quoteName(quote)} that is never closed, so it was ignored` });
  return 1;
}

/**
 * Where the value's closing quote is (-1: not in `text`), and where to go on from once the next line is added,
 * so a long value is scanned once, not once per line. Inside double quotes a backslash escapes the next character.
 */
function closingQuote(text: string, quote: string, from: number): { found: number; resume: number } {
  let i = from;
  for (; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return { found: i, resume: i };
  }
  return { found: -1, resume: i };
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (whole, char: string) => ESCAPES[char] ?? whole);
}

function checkTail(scan: Scan, tail: string, key: string, line: number): void {
  const rest = tail.trim();
  if (rest === '' || rest.startsWith('#')) return;
  scan.problems.push({ kind: 'after-quote', line, message: `line ${line}: text after the closing quote of ${key} was ignored` });
}

function quoteName(quote: string): string {
  return quote === '"' ? 'double quote' : quote === "'" ? 'single quote' : 'backtick';
}

function lastWins(entries: readonly DotenvEntry[], problems: DotenvProblem[]): DotenvEntry[] {
  const byKey = new Map<string, DotenvEntry>();
  for (const entry of entries) {
    const earlier = byKey.get(entry.key);
    if (earlier) {
      problems.push({
        kind: 'duplicate-key', line: entry.line,
        message: `line ${entry.line}: ${entry.key} is set again (first on line ${earlier.line}); the later value is used`,
      });
    }
    byKey.set(entry.key, entry);
  }
  return [...byKey.values()];
}
