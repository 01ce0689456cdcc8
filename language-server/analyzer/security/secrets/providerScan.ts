import { maskSecret } from '../../../store/auditLog';
import { isDocumentedExample } from './placeholders';
import type { SecretCandidate, SecretPattern } from './secretCandidate';
import { secretRule } from './secretRules';

/** Every match of every pattern its check accepts, as candidates with the rule's defaults filled in. */
export function patternCandidates(text: string, patterns: readonly SecretPattern[]): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern.regex)) {
      const group = pattern.group ?? 0;
      const value = match[group];
      const range = match.indices?.[group];
      if (!value || !range || isDocumentedExample(value)) continue;
      const verdict = pattern.accept(value, match);
      if (!verdict) continue;
      const rule = secretRule(pattern.ruleId);
      found.push({ ruleId: pattern.ruleId, start: range[0], end: range[1], value, severity: rule.severity, envName: rule.envName, shown: maskSecret(value), ...verdict });
    }
  }
  return found;
}
