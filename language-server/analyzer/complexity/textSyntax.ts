/**
 * What the text measures need to know of a language that is not parsed: how comments and strings look (so
 * that `#` in a string is not a comment and `if` in a comment is not a branch), how a function head looks,
 * how its body is delimited, and which words and operators are decision points. Chosen by file extension.
 */
import path from 'node:path';

export interface StringRule {
  open: string;
  close: string;
  /** A backslash escapes the next character. */
  escapes: boolean;
  /** May span lines; otherwise an unclosed string ends at the end of its line (limits damage of a misread). */
  multiline: boolean;
}

export type BodyStyle = 'braces' | 'indent';

export interface TextSyntax {
  lineComments: readonly string[];
  blockComments: ReadonlyArray<readonly [string, string]>;
  /** Rust and Haskell block comments nest. */
  nestedBlockComments: boolean;
  strings: readonly StringRule[];
  /** Rust: `'a` is a lifetime unless a character literal closes it. */
  charLiteralsOrLifetimes: boolean;
  /** Python: a triple-quoted string standing alone as a statement (a docstring) counts as a comment. */
  docstrings: boolean;
  body: BodyStyle;
  /** A function head on one line; group `name` (or `alt`) is the function's name. Null: no function detection. */
  head: RegExp | null;
  /**
   * The head is recognised by a type before the name (`void f(`), not by a keyword (`def`, `func`, `fn`), so
   * it also matches calls and control statements, which are then ruled out by what precedes and follows.
   */
  typedHead: boolean;
  /** Words that branch: +1 cyclomatic, +1 plus nesting cognitive (`if`, loops, `catch`). */
  branches: readonly string[];
  /** Words that open a multi-way branch: +1 plus nesting cognitive only; their arms carry the cyclomatic count. */
  switches: readonly string[];
  /** Arms of a multi-way branch (`case`, Ruby's `when`, Rust's `=>`, shell's `;;`): +1 cyclomatic each. */
  cases: readonly string[];
  /** Words that continue an `if` (`elif`; `else if` is read as one): +1 to both. A plain `else` is +1 cognitive. */
  continuations: readonly string[];
  /** Operators that are decision points (each occurrence +1 cyclomatic; each run of one kind +1 cognitive). */
  logical: readonly string[];
  /** A conditional operator: +1 cyclomatic and +1 plus nesting cognitive. */
  ternary: RegExp | null;
}

const dq = (multiline = false): StringRule => ({ open: '"', close: '"', escapes: true, multiline });
const sq = (multiline = false): StringRule => ({ open: "'", close: "'", escapes: true, multiline });
const triple = (q: string, escapes = true): StringRule => ({ open: q, close: q, escapes, multiline: true });

const C_BLOCK: ReadonlyArray<readonly [string, string]> = [['/*', '*/']];
const C_BRANCHES = ['if', 'for', 'while', 'catch'] as const;
const SPACED_TERNARY = / \? /g;

const base: TextSyntax = {
  lineComments: [],
  blockComments: [],
  nestedBlockComments: false,
  strings: [dq(), sq()],
  charLiteralsOrLifetimes: false,
  docstrings: false,
  body: 'braces',
  head: null,
  typedHead: false,
  branches: [],
  switches: [],
  cases: [],
  continuations: [],
  logical: [],
  ternary: null,
};

/** Java, C, C++, C#, Dart, Groovy, Objective-C: `Type name(params) … {` (modifiers and generics allowed). */
const TYPED_HEAD = /^\s*(?:@\w+\s+)*(?:[\w$<>[\],.?:*&~]+\s+)*?[*&]?(?<name>[A-Za-z_$][\w$]*(?:::~?[A-Za-z_]\w*)?)\s*\(/;

const cLike: TextSyntax = {
  ...base,
  lineComments: ['//'],
  blockComments: C_BLOCK,
  head: TYPED_HEAD,
  typedHead: true,
  branches: C_BRANCHES,
  switches: ['switch'],
  cases: ['case'],
  logical: ['&&', '||'],
  ternary: SPACED_TERNARY,
};

const SYNTAXES: Record<string, TextSyntax> = {
  python: {
    ...base,
    lineComments: ['#'],
    strings: [triple('"""'), triple("'''"), dq(), sq()],
    docstrings: true,
    body: 'indent',
    head: /^\s*(?:async\s+)?def\s+(?<name>[A-Za-z_]\w*)/,
    branches: ['if', 'for', 'while', 'except'],
    switches: ['match'],
    cases: ['case'],
    continuations: ['elif'],
    logical: ['and', 'or'],
  },
  go: {
    ...cLike,
    strings: [dq(), sq(), { open: '`', close: '`', escapes: false, multiline: true }],
    head: /^\s*func\s*(?:\([^()]*\)\s*)?(?<name>[A-Za-z_]\w*)\s*[[(]/,
    typedHead: false,
    branches: ['if', 'for'],
    switches: ['switch', 'select'],
    ternary: null,
  },
  rust: {
    ...cLike,
    nestedBlockComments: true,
    strings: [dq(true)],
    charLiteralsOrLifetimes: true,
    typedHead: false,
    head: /^\s*(?:(?:pub(?:\s*\([^()]*\))?|const|async|unsafe|default|extern(?:\s*"[^"]*")?)\s+)*fn\s+(?<name>[A-Za-z_]\w*)/,
    branches: ['if', 'for', 'while'],
    switches: ['match', 'loop'],
    cases: ['=>'],
    ternary: null,
  },
  java: { ...cLike, strings: [triple('"""'), dq(), sq()] },
  kotlin: {
    ...cLike,
    strings: [triple('"""', false), dq(), sq()],
    typedHead: false,
    head: /^\s*(?:[a-z]+\s+)*fun\s+(?:<[^>]*>\s*)?(?:[\w.]+\.)?(?<name>[A-Za-z_]\w*)\s*\(/,
    switches: ['when'],
    cases: [],
    logical: ['&&', '||', '?:'],
    ternary: null,
  },
  swift: {
    ...cLike,
    strings: [triple('"""'), dq()],
    typedHead: false,
    head: /^\s*(?:[@\w]+\s+)*func\s+(?<name>[A-Za-z_]\w*)/,
    branches: ['if', 'guard', 'for', 'while', 'catch'],
    logical: ['&&', '||', '??'],
  },
  scala: { ...cLike, strings: [triple('"""', false), dq(), sq()], head: /^\s*(?:[a-z]+\s+)*def\s+(?<name>[A-Za-z_]\w*)/, typedHead: false, switches: ['match'] },
  php: { ...cLike, lineComments: ['//', '#'], head: /^\s*(?:[a-z]+\s+)*function\s+&?(?<name>[A-Za-z_]\w*)\s*\(/, typedHead: false, branches: [...C_BRANCHES, 'foreach'], switches: ['switch', 'match'], continuations: ['elseif'], logical: ['&&', '||', '??', 'and', 'or'] },
  ruby: {
    ...base,
    lineComments: ['#'],
    blockComments: [['=begin', '=end']],
    body: 'indent',
    head: /^\s*def\s+(?:self\.)?(?<name>[A-Za-z_]\w*[?!=]?)/,
    branches: ['if', 'unless', 'while', 'until', 'for', 'rescue'],
    switches: ['case'],
    cases: ['when'],
    continuations: ['elsif'],
    logical: ['&&', '||', 'and', 'or'],
    ternary: SPACED_TERNARY,
  },
  shell: {
    ...base,
    lineComments: ['#'],
    head: /^\s*(?:function\s+(?<name>[A-Za-z_][\w-]*)|(?<alt>[A-Za-z_][\w-]*)\s*\(\s*\))/,
    branches: ['if', 'for', 'while', 'until'],
    switches: ['case'],
    cases: [';;'],
    continuations: ['elif'],
    logical: ['&&', '||'],
  },
  lua: {
    ...base,
    lineComments: ['--'],
    blockComments: [['--[[', ']]']],
    body: 'indent',
    head: /^\s*(?:local\s+)?function\s+(?<name>[\w.:]+)\s*\(/,
    branches: ['if', 'for', 'while', 'repeat'],
    continuations: ['elseif'],
    logical: ['and', 'or'],
  },
  sql: { ...base, lineComments: ['--'], blockComments: C_BLOCK, switches: ['case'], cases: ['when'], logical: ['and', 'or'] },
  hash: { ...base, lineComments: ['#'] },
  markup: { ...base, blockComments: [['<!--', '-->']], strings: [] },
  css: { ...base, lineComments: ['//'], blockComments: C_BLOCK },
  cLike: { ...cLike, branches: [...C_BRANCHES, 'foreach'], logical: ['&&', '||', '??'] },
  plain: { ...base, strings: [] },
};

const BY_EXTENSION: Record<string, keyof typeof SYNTAXES> = {
  '.py': 'python', '.pyw': 'python', '.pyi': 'python',
  '.go': 'go', '.rs': 'rust', '.java': 'java',
  '.kt': 'kotlin', '.kts': 'kotlin', '.swift': 'swift', '.scala': 'scala', '.sc': 'scala',
  '.php': 'php', '.rb': 'ruby', '.rake': 'ruby', '.lua': 'lua', '.sql': 'sql',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell',
  '.c': 'cLike', '.h': 'cLike', '.cc': 'cLike', '.cpp': 'cLike', '.cxx': 'cLike', '.hpp': 'cLike', '.hh': 'cLike',
  '.cs': 'cLike', '.dart': 'cLike', '.groovy': 'cLike', '.gradle': 'cLike', '.m': 'cLike', '.mm': 'cLike',
  '.js': 'cLike', '.mjs': 'cLike', '.cjs': 'cLike', '.jsx': 'cLike', '.ts': 'cLike', '.tsx': 'cLike',
  '.yml': 'hash', '.yaml': 'hash', '.toml': 'hash', '.pl': 'hash', '.pm': 'hash', '.r': 'hash', '.ex': 'hash', '.exs': 'hash',
  '.cfg': 'hash', '.conf': 'hash', '.ini': 'hash', '.dockerfile': 'hash', '.mk': 'hash',
  '.html': 'markup', '.htm': 'markup', '.xml': 'markup', '.vue': 'markup', '.svelte': 'markup', '.md': 'markup', '.svg': 'markup',
  '.css': 'css', '.scss': 'css', '.less': 'css',
};

const BY_NAME: Record<string, keyof typeof SYNTAXES> = { dockerfile: 'hash', makefile: 'hash', gemfile: 'ruby', rakefile: 'ruby' };

export function syntaxFor(file: string): TextSyntax {
  const key = BY_EXTENSION[path.extname(file).toLowerCase()] ?? BY_NAME[path.basename(file).toLowerCase()] ?? 'plain';
  return SYNTAXES[key] ?? SYNTAXES.plain as TextSyntax;
}
