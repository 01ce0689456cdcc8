import { DEBT_RULES } from './debt/rules';
import { DEPENDENCY_RULES } from './dependencies/dependencyRules';
import { remediationRule } from './debt/remediation';
import { PERFORMANCE_RULES } from './performance/rules';
import { SECURITY_RULES } from './security/securityRules';
import type { AnalyzerSeverity } from './types';

interface RuleDoc {
  title: string;
  explanation: string;
  severity: AnalyzerSeverity;
}

const COMPLEXITY_RULES: Record<string, RuleDoc> = {
  complexity: {
    title: 'Function too complex (cyclomatic)',
    explanation: 'The number of paths through the function — counted as ESLint’s `complexity` rule counts them — is above `optimus.analysis.complexityThreshold`. Each path needs its own test; split the function, or return early.',
    severity: 'warning',
  },
  'complexity/cognitive': {
    title: 'Function hard to follow (cognitive complexity)',
    explanation: 'Nested branches, breaks in the linear flow and mixed logical operators make the function hard to read (SonarSource’s cognitive complexity), above `optimus.analysis.cognitiveThreshold`. Flatten nesting and extract the inner parts.',
    severity: 'warning',
  },
};

const ALL: Readonly<Record<string, RuleDoc>> = { ...COMPLEXITY_RULES, ...SECURITY_RULES, ...PERFORMANCE_RULES, ...DEBT_RULES, ...DEPENDENCY_RULES };

/** The scheme of the read-only documents that explain Optimus's own rules (the extension shows them). */
export const RULE_DOC_SCHEME = 'optimus-rule';

/** Where a finding's rule is explained: ESLint's own page for its rules, an Optimus page for ours. */
export function ruleLink(ruleId: string, docsUrl?: string): string | undefined {
  if (docsUrl && /^https:\/\//.test(docsUrl)) return docsUrl;
  return ALL[ruleId] ? `${RULE_DOC_SCHEME}:/${ruleId}.md` : undefined;
}

/** The explanation page of one of Optimus's rules, in Markdown; null for a rule it does not own. */
export function ruleDoc(ruleId: string): string | null {
  const doc = ALL[ruleId];
  if (!doc) return null;
  const fix = remediationRule(ruleId);
  return [
    `# ${doc.title}`,
    '',
    `\`${ruleId}\` · ${doc.severity}${fix ? ` · about ${fix.minutes} min to fix` : ''}`,
    '',
    doc.explanation,
    '',
    `To silence it on one line, with a reason: \`// optimus-ignore-next-line ${ruleId} -- why\`.`,
    '',
  ].join('\n');
}
