import type { AnalyzerSeverity } from '../types';

/** What a debt rule is about, for the rule's explanation page and the diagnostic's tooltip. */
export interface DebtRule {
  title: string;
  /** One line: why it is debt and what to do. */
  explanation: string;
  severity: AnalyzerSeverity;
}

/** Every `debt/*` rule. Their remediation minutes are in REMEDIATION (remediation.ts). */
export const DEBT_RULES = {
  'debt/duplicate-block': {
    title: 'Duplicated block of code',
    explanation: 'The same (or same-shaped) lines of code appear twice, so every fix has to be made twice; extract the shared code.',
    severity: 'info',
  },
  'debt/old-todo': {
    title: 'Old TODO/FIXME',
    explanation: 'A note left in the code long ago and never acted on; do it, turn it into an issue, or delete it.',
    severity: 'info',
  },
  'debt/missing-readme': { title: 'No README', explanation: 'Nobody can tell what the project is or how to run and test it without reading the code.', severity: 'info' },
  'debt/missing-license': { title: 'No LICENSE', explanation: 'Without a license nobody else may legally use, change or share the code.', severity: 'info' },
  'debt/missing-tests': { title: 'No tests', explanation: 'No test folder or test files were found: every change is checked by hand, if at all.', severity: 'warning' },
  'debt/missing-ci': { title: 'No CI configuration', explanation: 'Nothing builds and tests each change automatically.', severity: 'info' },
  'debt/unpinned-dependency': {
    title: 'Unpinned dependency',
    explanation: '`*`, a registry tag or a git branch lets each fresh install bring a different, possibly breaking, version.',
    severity: 'warning',
  },
  'debt/missing-lockfile': { title: 'No lockfile', explanation: 'Version ranges without a lockfile make installs unreproducible; generate and commit one.', severity: 'info' },
  'debt/outdated-dependency': {
    title: 'Dependency a major version behind',
    explanation: 'Upgrades get harder with every major release skipped, and fixes stop coming for old majors.',
    severity: 'info',
  },
} as const satisfies Record<string, DebtRule>;

export type DebtRuleId = keyof typeof DEBT_RULES;
