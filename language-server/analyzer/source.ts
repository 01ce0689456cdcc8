import path from 'node:path';
import type ts from 'typescript';
import type { AnalyzedLanguage } from './types';

const BY_EXTENSION: Record<string, AnalyzedLanguage> = {
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescript',
  '.py': 'python', '.go': 'go', '.rs': 'rust', '.java': 'java',
};

export function languageOf(file: string): AnalyzedLanguage {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'other';
}

export function isScript(language: AnalyzedLanguage): boolean {
  return language === 'javascript' || language === 'typescript';
}

let tsModule: typeof ts | null = null;

/** The TypeScript compiler API, loaded on first use (it is ~9 MB of JavaScript). */
export function typescript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose
  tsModule ??= require('typescript') as typeof ts;
  return tsModule;
}

/** Parses JS/JSX/TS/TSX without type information: what the complexity, security and performance rules walk. */
export function parseScript(file: string, text: string): ts.SourceFile {
  const t = typescript();
  const ext = path.extname(file).toLowerCase();
  const kind = ext === '.tsx' ? t.ScriptKind.TSX : ext === '.jsx' ? t.ScriptKind.JSX : ext.endsWith('ts') ? t.ScriptKind.TS : t.ScriptKind.JS;
  return t.createSourceFile(file, text, t.ScriptTarget.Latest, true, kind);
}

/** 1-based line and column of an offset, as ESLint reports positions. */
export function position(source: ts.SourceFile, offset: number): { line: number; column: number } {
  const { line, character } = source.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}
