import type ts from 'typescript';
import { position } from '../source';
import type { AnalyzerFinding, TextFix } from '../types';
import { PERFORMANCE_RULES } from './rules';
import type { PerformanceRuleId } from './rules';

export interface FindingExtras {
  fix?: TextFix;
  data?: Record<string, string | number | boolean>;
}

/** A finding of `ruleId` spanning `node`, with the rule's severity. */
export function performanceFinding(ruleId: PerformanceRuleId, source: ts.SourceFile, path: string, node: ts.Node, message: string, extras: FindingExtras = {}): AnalyzerFinding {
  const start = position(source, node.getStart(source));
  const end = position(source, node.end);
  return {
    ruleId,
    category: 'performance',
    severity: PERFORMANCE_RULES[ruleId].severity,
    path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message,
    ...(extras.fix ? { fix: extras.fix } : {}),
    ...(extras.data ? { data: extras.data } : {}),
  };
}
