import type { AnalyzerCategory, AnalyzerFinding, AnalyzerSeverity, FileMetrics } from '../../../../language-server/analyzer/types';

export function finding(ruleId: string, over: Partial<AnalyzerFinding> = {}): AnalyzerFinding {
  const category: AnalyzerCategory = ruleId.startsWith('secret/') || ruleId.startsWith('security/') ? 'security' : ruleId.startsWith('performance/') ? 'performance' : ruleId.startsWith('debt/') ? 'debt' : 'quality';
  return { ruleId, category, severity: 'warning' as AnalyzerSeverity, path: '/p/a.ts', line: 1, column: 1, message: 'm', ...over };
}

export function metrics(sloc: number, maintainability: number | null = 60, path = '/p/a.ts'): FileMetrics {
  return { path, language: 'typescript', loc: sloc, sloc, commentLines: 0, todos: 0, functions: [], maintainability };
}
