import type { ESLint, Linter } from 'eslint';
import type { AnalyzerFinding, TextEdit, TextFix } from '../types';
import { indentAt, lineStarts } from './lineStarts';

/** Rule id → documentation URL, from ESLint's rule metadata. */
export type RuleDocs = Record<string, string | undefined>;

/**
 * ESLint's messages for one file as findings. Fix and suggestion ranges are offsets into the text ESLint saw;
 * ESLint strips a byte-order mark before linting, so ranges shift by one when the file starts with one.
 */
export function findingsOfResult(result: ESLint.LintResult, docs: RuleDocs, text?: string): AnalyzerFinding[] {
  const source = text ?? result.source ?? '';
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts = source ? lineStarts(source) : [];
  return result.messages.map((m) => findingOf(result.filePath, m, { docs, source, bom, starts }));
}

interface MapContext {
  docs: RuleDocs;
  source: string;
  bom: number;
  starts: number[];
}

function findingOf(file: string, m: Linter.LintMessage, ctx: MapContext): AnalyzerFinding {
  const ruleId = findingRuleId(m);
  const finding: AnalyzerFinding = {
    ruleId,
    category: 'quality',
    severity: m.fatal || m.severity === 2 ? 'error' : 'warning',
    path: file,
    line: m.line || 1,
    column: m.column || 1,
    message: m.message,
  };
  if (m.endLine !== undefined) finding.endLine = m.endLine;
  if (m.endColumn !== undefined) finding.endColumn = m.endColumn;
  if (m.fix) finding.fix = { title: `Fix: ${m.ruleId ?? ruleId}`, edits: [editOf(m.fix, ctx.bom)] };
  const data = dataOf(m, ruleId, ctx);
  if (Object.keys(data).length) finding.data = data;
  return finding;
}

/** `eslint/<core rule>`, a plugin's own id as is, `eslint/parse-error` for code that does not parse. */
export function findingRuleId(m: Pick<Linter.LintMessage, 'ruleId' | 'fatal' | 'message'>): string {
  if (m.fatal) return 'eslint/parse-error';
  if (!m.ruleId) return /^Unused (eslint-(disable|enable)|inline config)/.test(m.message) ? 'eslint/unused-disable-directive' : 'eslint/config-problem';
  return m.ruleId.includes('/') ? m.ruleId : `eslint/${m.ruleId}`;
}

function editOf(fix: { range: [number, number]; text: string }, bom: number): TextEdit {
  return { start: fix.range[0] + bom, end: fix.range[1] + bom, text: fix.text };
}

function dataOf(m: Linter.LintMessage, ruleId: string, ctx: MapContext): Record<string, string | number | boolean> {
  const data: Record<string, string | number | boolean> = {};
  const docsUrl = m.ruleId ? ctx.docs[m.ruleId] : undefined;
  if (docsUrl) data['docsUrl'] = docsUrl;
  if (m.suggestions?.length) {
    const fixes: TextFix[] = m.suggestions.map((s) => ({ title: s.desc, edits: [editOf(s.fix, ctx.bom)] }));
    data['suggestions'] = JSON.stringify(fixes);
  }
  const lineStart = ctx.starts[(m.line || 1) - 1];
  if (m.ruleId && ruleId !== 'eslint/parse-error' && lineStart !== undefined) {
    // What a "disable for this line" action needs without re-reading the file; disableLineEdit() builds the edit.
    data['disableRule'] = m.ruleId;
    data['disableOffset'] = lineStart;
    data['disableIndent'] = indentAt(ctx.source, lineStart);
  }
  return data;
}

/** A finding's ESLint suggestions (kept as JSON in `data.suggestions`: the shared finding has one `fix`). */
export function suggestionsOf(finding: AnalyzerFinding): TextFix[] {
  const raw = finding.data?.['suggestions'];
  if (typeof raw !== 'string') return [];
  try {
    return JSON.parse(raw) as TextFix[];
  } catch {
    return [];
  }
}
