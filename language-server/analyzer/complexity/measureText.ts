/**
 * Metrics of a file in a language the engine does not parse (Python, Go, Rust, Java, …): lines, comment lines
 * (Python docstrings — a triple-quoted string standing alone — count as comments), TODO markers, and per
 * function a decision-point estimate of cyclomatic and cognitive complexity with Halstead counts from its
 * tokens. Never throws: a binary file gets its line count only, and any failure falls back to line counts.
 */
import type { FileMetrics, FunctionMetrics, SourceInput } from '../types';
import { fileMaintainability } from './maintainability';
import { lineDecisions, TextHalstead } from './textComplexity';
import { findFunctions, indexBraces, type TextFunction } from './textFunctions';
import { lex, type LexedLine } from './textLexer';
import { syntaxFor, type TextSyntax } from './textSyntax';

export function measureText(input: SourceInput): FileMetrics {
  try {
    return isBinary(input.text) ? linesOnly(input, false) : measure(input);
  } catch {
    return linesOnly(input, true);
  }
}

function measure(input: SourceInput): FileMetrics {
  const syntax = syntaxFor(input.path);
  const { lines, todos } = lex(input.text, syntax);
  const found = findFunctions(lines, syntax);
  const functions = measureFunctions(found, lines, syntax);
  const sloc = count(lines, (l) => l.hasCode);
  const whole = functions.length === 0 ? wholeFile(lines, syntax) : { volume: 0, cyclomatic: 1 };
  return {
    path: input.path,
    language: input.language,
    loc: lines.length,
    sloc,
    commentLines: count(lines, (l) => l.hasComment),
    todos,
    functions,
    maintainability: fileMaintainability(functions, { ...whole, sloc }),
  };
}

/**
 * One sweep over the lines: each line counts for the innermost function around it, so a nested function's
 * code is not its parent's, and the cost stays linear however the functions nest.
 */
function measureFunctions(found: readonly TextFunction[], lines: readonly LexedLine[], syntax: TextSyntax): FunctionMetrics[] {
  const depths = syntax.body === 'braces' ? indexBraces(lines).depths : null;
  const tallies = found.map((fn) => new Tally(fn, syntax, depths ? braceNesting(fn, lines, depths) : indentNesting(lines)));
  const open: number[] = [];
  let next = 0;
  for (let l = 0; l < lines.length; l++) {
    while (open.length > 0 && (found[open[open.length - 1] as number] as TextFunction).last < l) open.pop();
    while (next < found.length && (found[next] as TextFunction).first === l) open.push(next++);
    const owner = open[open.length - 1];
    const line = lines[l] as LexedLine;
    if (owner !== undefined && line.hasCode) (tallies[owner] as Tally).add(l, line);
  }
  return tallies.map((t) => t.metrics());
}

class Tally {
  private cyclomatic = 1;
  private cognitive = 0;
  private recursive = false;
  private readonly halstead = new TextHalstead();
  private readonly selfCall: RegExp;

  constructor(private readonly fn: TextFunction, private readonly syntax: TextSyntax, private readonly nestingOf: (l: number) => number) {
    // Called by its bare name, or as `self.name(` / `this.name(` from a method.
    this.selfCall = new RegExp(`(?:^|[^\\w$.]|\\b(?:self|this)\\.)${fn.identifier.replace(/[^\w$]/g, '\\$&')}\\s*\\(`);
  }

  add(l: number, line: LexedLine): void {
    const head = l === this.fn.first;
    const d = lineDecisions(line.code, this.syntax, head ? 0 : this.nestingOf(l));
    this.cyclomatic += d.cyclomatic;
    this.cognitive += d.cognitive;
    this.halstead.add(line.code);
    if (!head && !this.recursive) this.recursive = this.selfCall.test(line.code);
  }

  metrics(): FunctionMetrics {
    const { fn } = this;
    return { name: fn.name, line: fn.line, column: fn.column, cyclomatic: this.cyclomatic, cognitive: this.cognitive + (this.recursive ? 1 : 0), loc: fn.last - fn.first + 1, halstead: this.halstead.measures() };
  }
}

/** Blocks opened inside the function's body before this line (a leading `}` closes one first). */
function braceNesting(fn: TextFunction, lines: readonly LexedLine[], depths: Int32Array): (l: number) => number {
  const body = (depths[fn.first] ?? 0) + 1;
  return (l) => {
    const closing = /^\s*}*/.exec((lines[l] as LexedLine).code)?.[0].replace(/\s/g, '').length ?? 0;
    return Math.max(0, (depths[l] ?? 0) - closing - body);
  };
}

/** Indentation levels inside the function's body above this line; lines are asked in order. */
function indentNesting(lines: readonly LexedLine[]): (l: number) => number {
  const stack: number[] = [];
  return (l) => {
    const line = lines[l] as LexedLine;
    if (line.continues) return Math.max(0, stack.length - 1);
    while (stack.length > 0 && (stack[stack.length - 1] as number) >= line.indent) stack.pop();
    stack.push(line.indent);
    return stack.length - 1;
  };
}

function wholeFile(lines: readonly LexedLine[], syntax: TextSyntax): { volume: number; cyclomatic: number } {
  const halstead = new TextHalstead();
  let cyclomatic = 1;
  for (const line of lines) {
    if (!line.hasCode) continue;
    cyclomatic += lineDecisions(line.code, syntax, 0).cyclomatic;
    halstead.add(line.code);
  }
  return { volume: halstead.measures().volume, cyclomatic };
}

/** NUL characters do not occur in source text; the first 8 KB tell. */
function isBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\0');
}

/** Line counts only: for binary files, and if measuring ever failed on some input. */
function linesOnly(input: SourceInput, countCode: boolean): FileMetrics {
  const lines = input.text.length === 0 ? [] : input.text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const sloc = countCode ? lines.filter((l) => l.trim() !== '').length : 0;
  return { path: input.path, language: input.language, loc: lines.length, sloc, commentLines: 0, todos: 0, functions: [], maintainability: null };
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}
