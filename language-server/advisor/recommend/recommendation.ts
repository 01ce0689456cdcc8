/** One thing worth doing in a project, with why, how much it matters and what it takes. */
export interface Recommendation {
  /** Stable per project and kind (`work-at-risk:/home/me/shop`), so a view can keep its place. */
  id: string;
  projectPath: string;
  projectName: string;
  kind: RecommendationKind;
  title: string;
  why: string;
  impact: Impact;
  effort: Effort;
  /** Higher first: impact over effort. */
  score: number;
  /** The one-click action, where one exists; the client asks first where it runs or writes something. */
  action?: RecommendationAction;
}

export type RecommendationKind =
  | 'crashed' | 'security' | 'work-at-risk' | 'unpushed' | 'no-backup' | 'health' | 'debt' | 'stale'
  | 'missing-readme' | 'missing-license' | 'missing-tests' | 'missing-ci' | 'dependencies' | 'monetization';

export type Impact = 'high' | 'medium' | 'low';
export type Effort = 'minutes' | 'hours' | 'days';

export type RecommendationAction =
  | { kind: 'backup'; path: string }
  | { kind: 'analyze'; path: string }
  | { kind: 'diagnose'; path: string }
  | { kind: 'open'; path: string };

const IMPACT: Record<Impact, number> = { high: 9, medium: 4, low: 1 };
const EFFORT: Record<Effort, number> = { minutes: 1, hours: 2, days: 4 };

/** Impact over effort, so a quick high-impact step outranks a long one of the same impact. */
export function scoreOf(impact: Impact, effort: Effort): number {
  return Math.round((IMPACT[impact] / EFFORT[effort]) * 100) / 100;
}

export function byScore(a: Recommendation, b: Recommendation): number {
  return b.score - a.score || a.projectName.localeCompare(b.projectName) || a.kind.localeCompare(b.kind);
}
