import type ts from 'typescript';
import { typescript } from '../source';
import type { AnalyzerFinding, AnalyzerSeverity } from '../types';

/**
 * A compiler diagnostic as a finding: `ts/<code>`, the message chain flattened to one text (indented lines,
 * as tsc prints it), 1-based positions. A diagnostic without a file (a compiler option, a missing lib)
 * is put on the tsconfig, line 1.
 */
export function findingOfDiagnostic(d: ts.Diagnostic, configPath: string): AnalyzerFinding {
  const t = typescript();
  const message = t.flattenDiagnosticMessageText(d.messageText, '\n');
  const base = { ruleId: `ts/${d.code}`, category: 'quality' as const, severity: severityOf(d.category), message };
  if (!d.file || d.start === undefined) return { ...base, path: configPath, line: 1, column: 1 };
  const start = d.file.getLineAndCharacterOfPosition(d.start);
  const end = d.file.getLineAndCharacterOfPosition(d.start + (d.length ?? 0));
  return { ...base, path: d.file.fileName, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function severityOf(category: ts.DiagnosticCategory): AnalyzerSeverity {
  const C = typescript().DiagnosticCategory;
  return category === C.Error ? 'error' : category === C.Warning ? 'warning' : 'info';
}
