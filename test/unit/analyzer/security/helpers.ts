import { languageOf, parseScript } from '../../../../language-server/analyzer/source';
import type { AnalyzerFinding, TextEdit } from '../../../../language-server/analyzer/types';
import { scanDangerousCode } from '../../../../language-server/analyzer/security/code/scanDangerousCode';
import { scanSecrets, type SecretScanOptions } from '../../../../language-server/analyzer/security/secrets/scanSecrets';

export function secretsIn(text: string, path = '/proj/src/config.ts', options?: SecretScanOptions): AnalyzerFinding[] {
  return scanSecrets({ path, text, language: languageOf(path) }, options);
}

export function ruleIds(findings: readonly AnalyzerFinding[]): string[] {
  return findings.map((f) => f.ruleId);
}

export function dangerIn(text: string, path = '/proj/src/app.ts'): AnalyzerFinding[] {
  return scanDangerousCode(parseScript(path, text), path);
}

/** `[ruleId, line]` pairs: what most rule tests compare. */
export function hits(findings: readonly AnalyzerFinding[]): Array<[string, number]> {
  return findings.map((f) => [f.ruleId, f.line]);
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}

/** Everything a finding shows or carries, as one string a leak check can search. */
export function visibleText(findings: readonly AnalyzerFinding[]): string {
  return JSON.stringify(findings);
}
