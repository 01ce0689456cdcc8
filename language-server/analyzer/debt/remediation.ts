import type { AnalyzerCategory, AnalyzerFinding } from '../types';

/** How a finding's size is counted for the per-unit part of its remediation time. */
export type RemediationUnit = 'point over threshold' | 'duplicated line' | 'dependency' | 'major version behind';

export interface RemediationRule {
  /** A ruleId, or a prefix ending in `/` that covers every ruleId under it. The longest match wins. */
  match: string;
  /** Minutes to fix one finding. */
  minutes: number;
  /** Extra minutes per unit of the finding's size (complexity over the limit, lines duplicated, …). */
  perUnit?: { unit: RemediationUnit; minutes: number };
  /** Where the figure comes from, for the documentation and the UI. */
  why: string;
}

/**
 * Estimated minutes to remove each kind of finding: the numerator of the debt ratio (see HEALTH.md). Figures
 * follow SonarQube's defaults where it has a comparable rule and are deliberate round estimates otherwise; they
 * are meant to rank and trend, not to bill.
 */
export const REMEDIATION: readonly RemediationRule[] = [
  { match: 'complexity', minutes: 10, perUnit: { unit: 'point over threshold', minutes: 1 }, why: 'Extract a function or two (10 min), plus a minute per decision point above the limit; SonarQube uses 5 min + 1 per point.' },
  { match: 'complexity/', minutes: 10, perUnit: { unit: 'point over threshold', minutes: 1 }, why: 'As `complexity`, for cyclomatic and cognitive variants.' },
  { match: 'eslint/complexity', minutes: 10, perUnit: { unit: 'point over threshold', minutes: 1 }, why: "As `complexity`, when it comes from the project's ESLint config." },
  { match: 'eslint/', minutes: 5, why: 'A lint problem: SonarQube rates most code smells at 5 min.' },
  { match: 'ts/', minutes: 10, why: 'A type error: find the wrong assumption and correct it.' },
  { match: 'secret/', minutes: 15, why: 'Move the value to the environment or a secret store, and rotate it since it was committed.' },
  { match: 'security/', minutes: 30, why: 'Replace a dangerous construct (eval, shell interpolation, SQL concatenation, …) with the safe API and test it; SonarQube rates most vulnerabilities 10–30 min.' },
  { match: 'performance/', minutes: 15, why: 'Switch to the async API or restructure a hot path.' },
  { match: 'performance/await-in-loop', minutes: 10, why: 'Rewrite the loop as Promise.all over a map (with a limit).' },
  { match: 'performance/json-in-loop', minutes: 10, why: 'Hoist the call out of the loop, or use structuredClone.' },
  { match: 'performance/json-in-handler', minutes: 10, why: 'Compute once at startup, or use structuredClone.' },
  { match: 'performance/unbounded-cache', minutes: 30, why: 'Choose an eviction policy (LRU, TTL, size) and apply it.' },
  { match: 'performance/heavy-import', minutes: 15, why: 'Replace the import and its uses with per-function imports or a lighter package.' },
  { match: 'debt/duplicate-block', minutes: 10, perUnit: { unit: 'duplicated line', minutes: 0.1 }, why: 'Extract the shared code (10 min) plus a minute per 10 duplicated lines; SonarQube uses 10 min per duplicated block.' },
  { match: 'debt/old-todo', minutes: 15, why: 'Do it, turn it into an issue, or delete it.' },
  { match: 'debt/missing-readme', minutes: 30, why: 'Write what it is, how to install, run and test it.' },
  { match: 'debt/missing-license', minutes: 5, why: 'Pick a license and add the file.' },
  { match: 'debt/missing-tests', minutes: 240, why: 'Set up a test runner and write the first tests for the main paths.' },
  { match: 'debt/missing-ci', minutes: 60, why: 'Add a pipeline that installs, builds and tests on every push.' },
  { match: 'debt/unpinned-dependency', minutes: 5, why: 'Replace `*`, a tag or a branch with a version range or a commit.' },
  { match: 'debt/missing-lockfile', minutes: 10, why: 'Generate and commit the lockfile.' },
  { match: 'debt/outdated-dependency', minutes: 10, perUnit: { unit: 'major version behind', minutes: 20 }, why: 'Read the changelog and upgrade (10 min), plus 20 min per major version of breaking changes.' },
];

/** When no rule matches: a round figure per category. */
export const CATEGORY_MINUTES: Readonly<Record<AnalyzerCategory, number>> = { quality: 5, security: 30, performance: 15, debt: 10 };

/** A finding that carries a safe one-click fix costs a minute: apply it and look at the diff. */
export const FIXABLE_MINUTES = 1;

export function remediationRule(ruleId: string): RemediationRule | undefined {
  let best: RemediationRule | undefined;
  for (const rule of REMEDIATION) {
    const hit = rule.match === ruleId || (rule.match.endsWith('/') && ruleId.startsWith(rule.match));
    if (hit && (!best || rule.match.length > best.match.length)) best = rule;
  }
  return best;
}

/** Minutes to remove one finding, from REMEDIATION (or CATEGORY_MINUTES), never negative. */
export function remediationMinutes(finding: AnalyzerFinding): number {
  if (finding.fix) return FIXABLE_MINUTES;
  const rule = remediationRule(finding.ruleId);
  if (!rule) return CATEGORY_MINUTES[finding.category] ?? CATEGORY_MINUTES.quality;
  const units = rule.perUnit ? unitsOf(finding, rule.perUnit.unit) : 0;
  return rule.minutes + (rule.perUnit?.minutes ?? 0) * units;
}

function numberIn(data: AnalyzerFinding['data'], ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = data?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

function unitsOf(finding: AnalyzerFinding, unit: RemediationUnit): number {
  const data = finding.data;
  if (unit === 'duplicated line') return Math.max(0, numberIn(data, 'lines') ?? 0);
  if (unit === 'dependency') return Math.max(1, numberIn(data, 'count') ?? 1);
  if (unit === 'major version behind') return Math.max(1, numberIn(data, 'majorsBehind') ?? 1);
  return pointsOverThreshold(finding);
}

/**
 * Complexity over the limit: from the finding's data (`complexity`/`cyclomatic`/`cognitive`/`value` and
 * `threshold`/`max`), else from ESLint's message ("… has a complexity of 23. Maximum allowed is 20.").
 */
function pointsOverThreshold(finding: AnalyzerFinding): number {
  const value = numberIn(finding.data, 'complexity', 'cyclomatic', 'cognitive', 'value');
  const limit = numberIn(finding.data, 'threshold', 'max', 'limit');
  if (value !== undefined && limit !== undefined) return Math.max(0, value - limit);
  const m = /complexity of (\d+)\. Maximum allowed is (\d+)/i.exec(finding.message);
  return m ? Math.max(0, Number(m[1]) - Number(m[2])) : 0;
}
