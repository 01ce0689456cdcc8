import path from 'node:path';
import type { AnalyzerFinding } from '../types';
import type { DuplicatePair } from './duplicates';
import { DEBT_RULES } from './rules';

/**
 * One `debt/duplicate-block` finding per pair, on the later copy (the earlier one is where the shared code
 * would usually be extracted to). Paths in messages are relative to `root` when given.
 */
export function duplicateFindings(pairs: readonly DuplicatePair[], root?: string): AnalyzerFinding[] {
  return pairs.map((pair) => {
    const { first, second } = pair;
    const where = root ? path.relative(root, first.path) || path.basename(first.path) : first.path;
    const kind = pair.exact ? 'repeat' : 'have the same shape as';
    const detail = pair.exact ? '' : ' (only names and literals differ)';
    return {
      ruleId: 'debt/duplicate-block',
      category: 'debt',
      severity: DEBT_RULES['debt/duplicate-block'].severity,
      path: second.path,
      line: second.startLine,
      column: 1,
      endLine: second.endLine + 1,
      endColumn: 1,
      message: `These ${pair.lines} lines of code ${kind} ${where}:${first.startLine}–${first.endLine}${detail}; extract the shared code.`,
      data: { otherPath: first.path, otherLine: first.startLine, otherEndLine: first.endLine, lines: pair.lines, tokens: pair.tokens, exact: pair.exact },
    };
  });
}
