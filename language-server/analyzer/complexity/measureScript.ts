/**
 * Metrics of a JS/JSX/TS/TSX file from the parse every engine shares (`parseScript`): per function, cyclomatic
 * complexity as ESLint's `complexity` rule (classic) computes and locates it, cognitive complexity and
 * Halstead measures; per file, lines and the maintainability index.
 */
import type ts from 'typescript';
import type { FileMetrics } from '../types';
import { languageOf } from '../source';
import { scriptLineStats } from './lineStats';
import { fileMaintainability } from './maintainability';
import { ScriptWalker } from './scriptWalker';

export function measureScript(source: ts.SourceFile, path: string): FileMetrics {
  const language = languageOf(path) === 'typescript' ? 'typescript' : 'javascript';
  const { functions, program, comments } = walkSafely(source);
  const lines = scriptLineStats(source.text, source.getLineStarts(), comments);
  return {
    path,
    language,
    ...lines,
    functions,
    maintainability: fileMaintainability(functions, { volume: program.volume, cyclomatic: program.cyclomatic, sloc: lines.sloc }),
  };
}

/**
 * The walk recurses as deep as the syntax tree; a generated file with thousands of chained operators can
 * exhaust the stack. Such a file still gets its line counts, from a plain comment scan, and no functions.
 */
function walkSafely(source: ts.SourceFile): ReturnType<ScriptWalker['walk']> {
  try {
    return new ScriptWalker(source).walk();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { functions: [], program: { cyclomatic: 1, volume: 0 }, comments: [] };
  }
}
