import type { AnalyzerFinding } from '../types';
import { LineIndex } from './lineIndex';

/**
 * Inline suppression comments, in any comment syntax (`//`, `#`, `/* *\/`, `<!-- -->`, `--`):
 *
 *   optimus-ignore-line secret/aws-access-key -- rotated, kept for the migration test
 *   optimus-ignore-next-line security/eval, security/new-function -- sandboxed plugin loader
 *
 * `-line` silences findings on its own line, `-next-line` on the line below. Rule ids are separated by commas
 * or spaces and may be any engine's (`complexity`, `performance/sync-fs-in-handler`); `secret/*` matches a
 * whole family; no rule id silences every rule on the line. The reason after ` -- ` is for the reader (the
 * "disable for this line" quick fix always writes one).
 */
const DIRECTIVE = /optimus-ignore-(next-line|line)\b([^\n]*)/g;
/** `complexity`, `secret/jwt`, `security/*`: a words-only reason must come after ` -- `, or it reads as rule ids. */
const RULE_ID = /^[a-z][\w-]*(?:\/(?:[\w-]+|\*))?$/;

type Silenced = Map<number, readonly string[] | 'all'>;

/** The comment text the quick fix inserts above a finding (without the comment marker). */
export function suppressionComment(ruleId: string, reason: string): string {
  const why = reason.replace(/\s+/g, ' ').trim();
  return `optimus-ignore-next-line ${ruleId}${why ? ` -- ${why}` : ''}`;
}

/** Drops the findings an inline comment silences. `text` is the file's text the findings point into. */
export function withoutSuppressed(text: string, findings: AnalyzerFinding[]): AnalyzerFinding[] {
  if (findings.length === 0 || !text.includes('optimus-ignore-')) return findings;
  const silenced = silencedLines(text);
  return findings.filter((f) => !matches(silenced.get(f.line), f.ruleId));
}

/** 1-based line → the rule ids silenced on it. */
function silencedLines(text: string): Silenced {
  const lines = new LineIndex(text);
  const silenced: Silenced = new Map();
  for (const match of text.matchAll(DIRECTIVE)) {
    const line = lines.position(match.index).line + (match[1] === 'next-line' ? 1 : 0);
    const ids = ruleIds(match[2] ?? '');
    const before = silenced.get(line);
    silenced.set(line, ids === 'all' || before === 'all' ? 'all' : [...(before ?? []), ...ids]);
  }
  return silenced;
}

function ruleIds(rest: string): readonly string[] | 'all' {
  const beforeReason = rest.split(/\s--(?:\s|$)/)[0] ?? '';
  const ids = beforeReason.replace(/\*\/|-->/g, ' ').split(/[\s,]+/).filter((word) => RULE_ID.test(word));
  return ids.length === 0 ? 'all' : ids;
}

function matches(silenced: readonly string[] | 'all' | undefined, ruleId: string): boolean {
  if (silenced === undefined) return false;
  if (silenced === 'all') return true;
  return silenced.some((id) => id === ruleId || (id.endsWith('/*') && ruleId.startsWith(id.slice(0, -1))));
}
