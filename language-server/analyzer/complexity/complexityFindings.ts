/**
 * Functions over the thresholds, as findings at the function's head: `complexity` worded exactly as ESLint's
 * rule words it, and `complexity/cognitive` in the same form.
 */
import type { AnalyzerFinding, FileMetrics, FunctionMetrics } from '../types';

export const DEFAULT_COGNITIVE_THRESHOLD = 15;

/** A function is reported when its complexity is greater than the threshold, as ESLint does. */
export function complexityFindings(metrics: FileMetrics, threshold: number, cognitiveThreshold: number = DEFAULT_COGNITIVE_THRESHOLD): AnalyzerFinding[] {
  const findings: AnalyzerFinding[] = [];
  for (const fn of metrics.functions) {
    if (fn.cyclomatic > threshold) findings.push(finding(metrics.path, fn, 'complexity', `${upperCaseFirst(fn.name)} has a complexity of ${fn.cyclomatic}. Maximum allowed is ${threshold}.`, { complexity: fn.cyclomatic, max: threshold }));
    if (fn.cognitive > cognitiveThreshold) {
      findings.push(finding(metrics.path, fn, 'complexity/cognitive', `${upperCaseFirst(fn.name)} has a cognitive complexity of ${fn.cognitive}. Maximum allowed is ${cognitiveThreshold}.`, { cognitive: fn.cognitive, max: cognitiveThreshold }));
    }
  }
  return findings;
}

function finding(path: string, fn: FunctionMetrics, ruleId: string, message: string, data: Record<string, number>): AnalyzerFinding {
  return { ruleId, category: 'quality', severity: 'warning', path, line: fn.line, column: fn.column, message, data: { name: fn.name, ...data } };
}

/** ESLint's upperCaseFirst: the message starts with the capitalised name (`Method 'foo'`). */
function upperCaseFirst(s: string): string {
  return s.length === 0 ? s : s[0]?.toUpperCase() + s.slice(1);
}
