import type { AnalyzerFinding, AnalyzerSeverity, FileMetrics } from '../types';
import { debtSummary, totalSloc } from './rating';
import type { DebtRating, DebtSummary } from './rating';

export interface HealthInput {
  metrics: readonly FileMetrics[];
  /** Every finding of the project: quality, security, performance and debt (project checks included). */
  findings: readonly AnalyzerFinding[];
  /** Whether the project checks (README, LICENSE, tests, CI, dependencies) ran; if not, that part is left out. */
  projectChecked: boolean;
  /** Computed from findings and metrics when not given. */
  debt?: DebtSummary;
}

export interface HealthPart {
  name: string;
  points: number;
  max: number;
  /** One sentence with the numbers behind the points. */
  why: string;
}

export interface HealthScore {
  /** 0–100: the parts' points over their maxima, scaled to 100. */
  score: number;
  parts: HealthPart[];
}

/** The formula's constants; HEALTH.md explains them. */
export const HEALTH = {
  maintainability: { max: 25, zeroAt: 20, fullAt: 65 },
  security: { max: 20, categoryWeight: 3 },
  findings: { max: 20, categoryWeight: 1 },
  /** Weighted findings per KLOC at which a findings part has half its points. */
  halfAtPerKloc: 10,
  severityWeight: { error: 5, warning: 2, info: 0.5 } as Readonly<Record<AnalyzerSeverity, number>>,
  debt: { max: 20, points: { A: 20, B: 15, C: 10, D: 5, E: 0 } as Readonly<Record<DebtRating, number>> },
  project: {
    max: 15,
    /** What each failed check costs; the unpinned/lockfile penalty counts once however many findings. */
    penalties: [
      { label: 'tests', rules: ['debt/missing-tests'], points: 5 },
      { label: 'README', rules: ['debt/missing-readme'], points: 4 },
      { label: 'CI', rules: ['debt/missing-ci'], points: 3 },
      { label: 'pinned dependencies', rules: ['debt/unpinned-dependency', 'debt/missing-lockfile'], points: 2 },
      { label: 'LICENSE', rules: ['debt/missing-license'], points: 1 },
    ],
  },
} as const;

/** The health score and how it was reached, part by part (see HEALTH.md for the formula). */
export function healthScore(input: HealthInput): HealthScore {
  const debt = input.debt ?? debtSummary(input.findings, input.metrics);
  const kloc = totalSloc(input.metrics) / 1000;
  const parts = [
    maintainabilityPart(input.metrics),
    findingsPart('Security findings', input.findings.filter((f) => f.category === 'security'), kloc, HEALTH.security),
    findingsPart('Code findings', input.findings.filter((f) => f.category === 'quality' || f.category === 'performance'), kloc, HEALTH.findings),
    debtPart(debt),
    input.projectChecked ? projectPart(input.findings) : null,
  ].filter((p): p is HealthPart => p !== null);
  const max = parts.reduce((sum, p) => sum + p.max, 0);
  const points = parts.reduce((sum, p) => sum + p.points, 0);
  return { score: max === 0 ? 100 : Math.round((100 * points) / max), parts };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function maintainabilityPart(metrics: readonly FileMetrics[]): HealthPart | null {
  const { max, zeroAt, fullAt } = HEALTH.maintainability;
  const measured = metrics.filter((m) => m.maintainability !== null && Number.isFinite(m.maintainability) && m.sloc > 0);
  const weight = measured.reduce((sum, m) => sum + m.sloc, 0);
  if (weight === 0) return null;
  const mean = measured.reduce((sum, m) => sum + (m.maintainability ?? 0) * m.sloc, 0) / weight;
  const share = Math.min(1, Math.max(0, (mean - zeroAt) / (fullAt - zeroAt)));
  const why = `Mean maintainability index ${round1(mean)} over ${measured.length} file${measured.length === 1 ? '' : 's'}, weighted by lines of code: full points at ${fullAt}, none at ${zeroAt}.`;
  return { name: 'Maintainability', points: round1(max * share), max, why };
}

function findingsPart(name: string, findings: readonly AnalyzerFinding[], kloc: number, part: { max: number; categoryWeight: number }): HealthPart {
  const counts: Record<AnalyzerSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  const weighted = (Object.keys(counts) as AnalyzerSeverity[]).reduce((sum, s) => sum + counts[s] * HEALTH.severityWeight[s] * part.categoryWeight, 0);
  // Below 1 KLOC a single finding would swing the score wildly; small projects are measured as 1 KLOC.
  const density = weighted / Math.max(1, kloc);
  const points = part.max / (1 + density / HEALTH.halfAtPerKloc);
  const list = (Object.keys(counts) as AnalyzerSeverity[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  const why = findings.length === 0
    ? `No findings in ${round1(kloc)} KLOC.`
    : `${list.join(', ')} in ${round1(kloc)} KLOC: ${round1(density)} weighted points per KLOC (half the points at ${HEALTH.halfAtPerKloc}).`;
  return { name, points: round1(points), max: part.max, why };
}

function debtPart(debt: DebtSummary): HealthPart {
  const { max, points } = HEALTH.debt;
  const why = `Debt rating ${debt.rating}: ${debt.minutes} min of remediation is ${round1(debt.ratio * 100)}% of the time it took to write the code.`;
  return { name: 'Technical debt', points: points[debt.rating], max, why };
}

function projectPart(findings: readonly AnalyzerFinding[]): HealthPart {
  const ruleIds = new Set(findings.map((f) => f.ruleId));
  const failed = HEALTH.project.penalties.filter((p) => p.rules.some((r) => ruleIds.has(r)));
  const lost = failed.reduce((sum, p) => sum + p.points, 0);
  const why = failed.length === 0 ? 'README, LICENSE, tests, CI and pinned dependencies are all there.' : `Missing: ${failed.map((p) => `${p.label} (−${p.points})`).join(', ')}.`;
  return { name: 'Project hygiene', points: HEALTH.project.max - lost, max: HEALTH.project.max, why };
}
