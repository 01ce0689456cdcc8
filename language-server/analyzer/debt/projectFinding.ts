import type { AnalyzerFinding } from '../types';
import { DEBT_RULES } from './rules';
import type { DebtRuleId } from './rules';

/** A `debt/*` finding about a project or one of its files as a whole, placed at the file's (or folder's) start. */
export function projectFinding(ruleId: DebtRuleId, path: string, message: string, extras: { line?: number; data?: AnalyzerFinding['data'] } = {}): AnalyzerFinding {
  const severity = DEBT_RULES[ruleId].severity;
  return { ruleId, category: 'debt', severity, path, line: extras.line ?? 1, column: 1, message, ...(extras.data ? { data: extras.data } : {}) };
}
