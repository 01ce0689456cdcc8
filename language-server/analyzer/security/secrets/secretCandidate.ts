import type { AnalyzerSeverity } from '../../types';

/** A secret found in a text, before it becomes a finding. Only this internal shape ever holds the value. */
export interface SecretCandidate {
  ruleId: string;
  /** Offsets of the secret itself: what the squiggle covers and the fingerprint hashes. */
  start: number;
  end: number;
  value: string;
  severity: AnalyzerSeverity;
  envName: string;
  /** How the message shows the value: a masked prefix for tokens, nothing at all for passwords. */
  shown: string;
  /** Why the severity differs from the rule's usual one (`the host is local`, `it has expired`). */
  note?: string;
  /** The whole quoted literal moves to .env (a database URL), not only the secret inside it. */
  moveWhole?: boolean;
}

/** What a pattern's check says about one match: null rejects it, fields override the rule's defaults. */
export type Verdict = Partial<Pick<SecretCandidate, 'severity' | 'envName' | 'note' | 'moveWhole' | 'shown'>> | null;

export interface SecretPattern {
  ruleId: string;
  /** Global, with indices (`gd`), and linear: every alternative starts with a fixed prefix and has bounded runs. */
  regex: RegExp;
  /** The capture group holding the secret; 0 is the whole match. */
  group?: number;
  accept: (value: string, match: RegExpExecArray) => Verdict;
}
