/**
 * Decision points and Halstead counts of lexed lines of a non-parsed language, by words and operators (see
 * TextSyntax for what counts how). The cognitive figure follows SonarSource's rules as far as a line can
 * show them: structures add 1 plus their nesting, `else`/`elif` add 1, each run of like logical operators 1.
 */
import type { HalsteadMetrics } from '../types';
import { halsteadMeasures } from './halstead';
import type { TextSyntax } from './textSyntax';

export interface LineDecisions {
  cyclomatic: number;
  cognitive: number;
}

interface Compiled {
  words: RegExp;
  logical: RegExp | null;
  caseSymbols: readonly string[];
  branches: ReadonlySet<string>;
  switches: ReadonlySet<string>;
  cases: ReadonlySet<string>;
  continuations: ReadonlySet<string>;
}

const compiledSyntaxes = new WeakMap<TextSyntax, Compiled>();
const isWord = (s: string): boolean => /^\w+$/.test(s);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(syntax: TextSyntax): Compiled {
  const cached = compiledSyntaxes.get(syntax);
  if (cached) return cached;
  const caseWords = syntax.cases.filter(isWord);
  const words = [...syntax.branches, ...syntax.switches, ...caseWords, ...syntax.continuations, 'else'];
  const logical = [...syntax.logical].sort((a, b) => b.length - a.length).map((op) => (isWord(op) ? `\\b${op}\\b` : escape(op)));
  const compiled: Compiled = {
    // `else if` is matched first, as one continuation, so that its `if` is not a new structure.
    words: new RegExp(`\\belse\\s+if\\b|\\b(?:${words.map(escape).join('|')})\\b`, 'g'),
    logical: logical.length > 0 ? new RegExp(logical.join('|'), 'g') : null,
    caseSymbols: syntax.cases.filter((c) => !isWord(c)),
    branches: new Set(syntax.branches),
    switches: new Set(syntax.switches),
    cases: new Set(caseWords),
    continuations: new Set(syntax.continuations),
  };
  compiledSyntaxes.set(syntax, compiled);
  return compiled;
}

/** What one line of code (strings emptied, comments removed) adds, at a given nesting level. */
export function lineDecisions(code: string, syntax: TextSyntax, nesting: number): LineDecisions {
  const c = compile(syntax);
  const out: LineDecisions = { cyclomatic: 0, cognitive: 0 };
  c.words.lastIndex = 0;
  for (let m = c.words.exec(code); m !== null; m = c.words.exec(code)) addWord(m[0], c, nesting, out);
  for (const symbol of c.caseSymbols) out.cyclomatic += occurrences(code, symbol);
  if (c.logical) addLogical(code, c.logical, out);
  if (syntax.ternary) {
    syntax.ternary.lastIndex = 0;
    const n = occurrences(code, syntax.ternary);
    out.cyclomatic += n;
    out.cognitive += n * (1 + nesting);
  }
  return out;
}

function addWord(word: string, c: Compiled, nesting: number, out: LineDecisions): void {
  if (word.length > 4 && word.startsWith('else')) {
    out.cyclomatic++;
    out.cognitive++;
  } else if (c.branches.has(word)) {
    out.cyclomatic++;
    out.cognitive += 1 + nesting;
  } else if (c.switches.has(word)) {
    out.cognitive += 1 + nesting;
  } else if (c.cases.has(word)) {
    out.cyclomatic++;
  } else if (c.continuations.has(word)) {
    out.cyclomatic++;
    out.cognitive++;
  } else if (word === 'else') {
    out.cognitive++;
  }
}

/** Each logical operator is a decision; each change of operator along the line starts a new cognitive run. */
function addLogical(code: string, logical: RegExp, out: LineDecisions): void {
  logical.lastIndex = 0;
  let previous = '';
  for (let m = logical.exec(code); m !== null; m = logical.exec(code)) {
    out.cyclomatic++;
    if (m[0] !== previous) out.cognitive++;
    previous = m[0];
  }
}

function occurrences(code: string, what: string | RegExp): number {
  if (typeof what !== 'string') return code.match(what)?.length ?? 0;
  let n = 0;
  for (let i = code.indexOf(what); i >= 0; i = code.indexOf(what, i + what.length)) n++;
  return n;
}

const TOKEN = /[A-Za-z_$][\w$]*|\d[\w.]*|""|''|``|===|!==|==|!=|<=|>=|&&|\|\||\?\?|->|=>|::|\+\+|--|[-+*/%&|^]=|:=|<<|>>|\*\*|[^\s\w)\]}]/g;
const KEYWORDS = new Set([
  'if', 'else', 'elif', 'elsif', 'elseif', 'unless', 'for', 'foreach', 'while', 'until', 'do', 'loop', 'repeat', 'switch', 'select',
  'match', 'case', 'when', 'default', 'break', 'continue', 'return', 'yield', 'try', 'catch', 'except', 'rescue', 'finally', 'ensure',
  'throw', 'raise', 'def', 'fn', 'func', 'fun', 'function', 'class', 'struct', 'enum', 'interface', 'trait', 'impl', 'new', 'let',
  'var', 'val', 'const', 'static', 'public', 'private', 'protected', 'import', 'from', 'package', 'use', 'mod', 'in', 'is', 'not',
  'and', 'or', 'as', 'with', 'lambda', 'pass', 'go', 'defer', 'chan', 'range', 'type', 'mut', 'pub', 'async', 'await', 'end', 'then',
]);

/** Halstead counts of lines of code: keywords and symbols are operators, other words, numbers and strings operands. */
export class TextHalstead {
  private operators = 0;
  private operands = 0;
  private readonly operatorSet = new Set<string>();
  private readonly operandSet = new Set<string>();

  add(code: string): void {
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(code); m !== null; m = TOKEN.exec(code)) {
      const token = m[0];
      const first = token.charCodeAt(0);
      const wordLike = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95 || first === 36 || (first >= 48 && first <= 57) || first === 34 || first === 39 || first === 96;
      if (wordLike && !KEYWORDS.has(token)) {
        this.operands++;
        this.operandSet.add(token);
      } else {
        this.operators++;
        this.operatorSet.add(token);
      }
    }
  }

  measures(): HalsteadMetrics {
    return halsteadMeasures(this.operators, this.operands, this.operatorSet.size, this.operandSet.size);
  }
}
