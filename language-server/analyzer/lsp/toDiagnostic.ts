import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { AnalyzerFinding } from '../types';

const SEVERITY: Record<AnalyzerFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server when the client asks for its code actions. */
export interface DiagnosticData {
  ruleId: string;
  /** Index of the finding in the document's last analysis, valid for `version`. */
  index: number;
  version: number;
}

/**
 * An analyzer finding as VS Code shows it: 0-based range, the rule id as the code with a link to its
 * explanation, and `optimus` as the source so the Problems panel can be filtered by it.
 */
export function toDiagnostic(finding: AnalyzerFinding, data: DiagnosticData, explain: (finding: AnalyzerFinding) => string | undefined): Diagnostic {
  const start = { line: finding.line - 1, character: finding.column - 1 };
  const end = finding.endLine !== undefined && finding.endColumn !== undefined ? { line: finding.endLine - 1, character: finding.endColumn - 1 } : start;
  const href = explain(finding);
  return {
    range: { start, end: sameOrAfter(start, end) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'optimus',
    message: finding.message,
    data,
  };
}

function sameOrAfter(start: { line: number; character: number }, end: { line: number; character: number }) {
  return end.line > start.line || (end.line === start.line && end.character >= start.character) ? end : start;
}
