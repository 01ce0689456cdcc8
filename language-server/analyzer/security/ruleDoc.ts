import type { AnalyzerSeverity } from '../types';

/** What the "rule id links to an explanation" feature shows for one rule id. */
export interface SecurityRuleDoc {
  title: string;
  /** One line: what the rule catches and why it matters. */
  explanation: string;
  /** The usual severity; a finding may differ where its message says why (a local database, a literal eval). */
  severity: AnalyzerSeverity;
}
