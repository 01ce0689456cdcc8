import type { AnalyzerFinding, AnalyzerSeverity } from '../types';

/** Every finding of this folder: one rule, whatever the source, so suppressions and docs need one entry. */
export const VULNERABLE_DEPENDENCY = 'dependency/vulnerable';

/** Shaped like the other rule tables so ruleDocs.ts can spread it in. */
export const DEPENDENCY_RULES: Readonly<Record<string, { title: string; explanation: string; severity: AnalyzerSeverity }>> = {
  [VULNERABLE_DEPENDENCY]: {
    title: 'Dependency with a known vulnerability',
    explanation:
      'An installed version of this package (as the lockfile pins it) is affected by a published advisory, found by `npm audit` (asks the npm registry) or in the offline OSV database file set in the settings. The finding says which source found it, whether a fixed version exists and whether the package is only a dev dependency (then it does not ship, but still runs on developer and CI machines). Upgrade the package, or the direct dependency that pulls it in.',
    severity: 'error',
  },
};

/** What both sources return: findings, and notes on what could not be checked and why. */
export interface DependencyScan {
  findings: AnalyzerFinding[];
  notes: string[];
}
