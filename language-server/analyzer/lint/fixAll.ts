import type { AnalyzerFinding, TextEdit, TextFix } from '../types';

/**
 * One fix applying every finding's autofix in a file that ESLint would apply in one pass: sorted by range,
 * skipping a fix that overlaps or touches the one before (ESLint's rule, so the result equals its first
 * `--fix` pass). Null when nothing is fixable.
 */
export function fixAllEdit(findings: readonly AnalyzerFinding[]): TextFix | null {
  const edits = findings.flatMap((f) => (f.fix?.edits.length === 1 ? f.fix.edits : []));
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const edit of edits) {
    if (lastEnd >= edit.start || edit.start > edit.end) continue;
    chosen.push(edit);
    lastEnd = edit.end;
  }
  return chosen.length ? { title: 'Fix all auto-fixable ESLint problems', edits: chosen } : null;
}

/** Applies non-overlapping edits to a text (from the last, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
