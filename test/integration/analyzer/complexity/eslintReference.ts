/**
 * ESLint's own `complexity` rule (threshold 0, so every function is reported) as the reference the engine is
 * checked against: espree for JavaScript (as a module, or as CommonJS when that does not parse), typescript-eslint's
 * parser for TypeScript. Inline `eslint-disable` comments are ignored so that every function is seen.
 */
import path from 'node:path';
import { Linter, type SourceCode } from 'eslint';
import tseslint from 'typescript-eslint';

export interface ReferenceFunction {
  /** As the message words it: `Method 'foo'`, `Arrow function`, … */
  name: string;
  line: number;
  column: number;
  complexity: number;
}

const linter = new Linter({ configType: 'flat' });
const MESSAGE = /^(.*) has a complexity of (\d+)\. Maximum allowed is 0\.$/;

function config(file: string, sourceType: 'module' | 'commonjs'): Linter.Config[] {
  const ext = path.extname(file);
  const typescript = /^\.[cm]?tsx?$/.test(ext);
  return [
    {
      // `**/*` alone does not make ESLint lint .jsx/.ts files: each extension must be named.
      files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        ...(typescript ? { parser: tseslint.parser as Linter.Parser } : {}),
        parserOptions: { ecmaFeatures: { jsx: !typescript || ext === '.tsx' } },
      },
      rules: { complexity: ['warn', 0] },
    },
  ];
}

export interface ReferenceLines {
  /** Lines holding a non-blank character of a token (not of a comment). */
  sloc: number;
  /** Lines spanned by a comment (the hashbang included). */
  commentLines: number;
}

export interface Reference {
  functions: ReferenceFunction[];
  lines: ReferenceLines;
}

/** Every function ESLint reports and the line counts of its tokens and comments, or null when ESLint cannot parse the file. */
export function eslintReference(file: string, text: string): Reference | null {
  for (const sourceType of ['module', 'commonjs'] as const) {
    // ESLint ignores node_modules by default; the rule only needs the extension.
    const messages = linter.verify(text, config(file, sourceType), `reference${path.extname(file)}`);
    if (messages.some((m) => m.fatal)) continue;
    const unlinted = messages.find((m) => m.message.startsWith('No matching configuration'));
    if (unlinted) throw new Error(`ESLint did not lint ${file}: ${unlinted.message}`);
    const functions = messages.flatMap((m) => {
      const match = m.ruleId === 'complexity' ? MESSAGE.exec(m.message) : null;
      return match ? [{ name: match[1] as string, line: m.line, column: m.column, complexity: Number(match[2]) }] : [];
    });
    return { functions, lines: lineCounts(linter.getSourceCode()) };
  }
  return null;
}

/** Counts from ESLint's own tokens and comments (its text has the byte order mark removed). */
function lineCounts(source: SourceCode): ReferenceLines {
  const code = new Set<number>();
  const text = source.text;
  for (const token of source.ast.tokens) {
    let line = token.loc.start.line;
    for (let i = token.range[0]; i < token.range[1]; i++) {
      const c = text[i] as string;
      if (c === '\n' || c === '\u2028' || c === '\u2029' || (c === '\r' && text[i + 1] !== '\n')) line++;
      else if (c.trim() !== '') code.add(line);
    }
  }
  const comments = new Set<number>();
  for (const comment of source.getAllComments()) {
    for (let line = comment.loc?.start.line ?? 0; line <= (comment.loc?.end.line ?? -1); line++) comments.add(line);
  }
  return { sloc: code.size, commentLines: comments.size };
}
