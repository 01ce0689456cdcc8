import { CODE_RULES } from './code/codeRules';
import type { SecurityRuleDoc } from './ruleDoc';
import { SECRET_RULES } from './secrets/secretRules';

/** Every `secret/*` and `security/*` rule id with its title, one-line explanation and usual severity. */
export const SECURITY_RULES: Readonly<Record<string, SecurityRuleDoc>> = Object.fromEntries(
  Object.entries({ ...SECRET_RULES, ...CODE_RULES }).map(([id, doc]) => [id, { title: doc.title, explanation: doc.explanation, severity: doc.severity }]),
);
