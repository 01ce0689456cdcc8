import { parseScript } from '../../../../language-server/analyzer/source';
import type { AnalyzerFinding, TextFix } from '../../../../language-server/analyzer/types';
import { scanPerformance } from '../../../../language-server/analyzer/performance/scanPerformance';
import type { PerformanceOptions } from '../../../../language-server/analyzer/performance/scanPerformance';

/** Performance findings for `code` as the file `file`. */
export function scan(code: string, file = '/project/src/app.ts', options: PerformanceOptions = {}): AnalyzerFinding[] {
  return scanPerformance(parseScript(file, code), file, options);
}

export function ruleIds(code: string, file?: string, options?: PerformanceOptions): string[] {
  return scan(code, file, options).map((f) => f.ruleId);
}

/** The text after applying a fix's edits (from the end, so earlier offsets stay valid). */
export function applyFix(text: string, fix: TextFix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  return edits.reduce((acc, e) => acc.slice(0, e.start) + e.text + acc.slice(e.end), text);
}
