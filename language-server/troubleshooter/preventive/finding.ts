import type { AnalyzerFinding, AnalyzerSeverity } from '../../analyzer/types';
import type { FindingData, PreventiveRuleId } from './types';

/** 1-based, as AnalyzerFinding counts. */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function preventiveFinding(ruleId: PreventiveRuleId, severity: AnalyzerSeverity, path: string, at: Span, message: string, data: FindingData): AnalyzerFinding {
  return { ruleId, category: 'quality', severity, path, ...at, message, data };
}

/** A whole file when nothing narrower is known (a one-line .nvmrc). */
export const FIRST_LINE: Span = { line: 1, column: 1 };
