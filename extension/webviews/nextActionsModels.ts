import type { Recommendation, RecommendationAction } from '../../language-server/advisor/recommend/recommendation';
import { ACTION_KINDS, isNextAction, NEXT_ACTION_LIMITS, type ActionKind, type NextAction } from '../../webviews/project/nextActions';

/**
 * What the dashboards' "Next actions" are sent of the advisor's recommendations, and which action a page's
 * command may run. Shared by the Project detail and Portfolio hosts; free of VS Code so it is unit-tested.
 */

/** What a page was last sent: the recommendations themselves (with the server's action and path), by scope. */
export interface SentNextActions {
  /** The project's path for Project detail; null for the portfolio's list. */
  scope: string | null;
  items: readonly Recommendation[];
}

export interface NextActionsView {
  /** What the page is sent. */
  actions: NextAction[];
  /** The recommendations behind them, in the same order: what a command's id is looked up in. */
  kept: Recommendation[];
}

/**
 * The first `max` recommendations as the page takes them, in the server's order. Names and texts too long are
 * cut; an item whose id or path is too long (cut, it would name something else), whose impact or effort the
 * page does not know, or whose id repeats one before it is left out rather than the whole list refused.
 */
export function nextActionsView(recommendations: readonly Recommendation[], max: number): NextActionsView {
  const actions: NextAction[] = [];
  const kept: Recommendation[] = [];
  const ids = new Set<string>();
  for (const r of recommendations) {
    if (actions.length >= max) break;
    const item = nextActionOf(r);
    if (item === null || ids.has(item.id)) continue;
    ids.add(item.id);
    actions.push(item);
    kept.push(r);
  }
  return { actions, kept };
}

function nextActionOf(r: Recommendation): NextAction | null {
  const item = {
    id: r.id,
    projectPath: r.projectPath,
    projectName: text(r.projectName, NEXT_ACTION_LIMITS.text),
    title: text(r.title, NEXT_ACTION_LIMITS.text),
    why: text(r.why, NEXT_ACTION_LIMITS.why),
    impact: r.impact,
    effort: r.effort,
    action: actionKind(r.action),
  };
  return isNextAction(item) ? item : null;
}

/** The button the page shows; none for an action kind it does not know (a newer server's). */
function actionKind(action: RecommendationAction | undefined): ActionKind | null {
  const kind: unknown = action?.kind;
  return (ACTION_KINDS as readonly unknown[]).includes(kind) ? (kind as ActionKind) : null;
}

export type NextActionDecision = { action: RecommendationAction; title: string } | { refused: string };

/**
 * The action a page's `nextAction` command runs: that of the item with this id in what the page was last sent
 * for this scope, when it has one. The page's word is only an id to look up: the command and the path come
 * from the server's recommendation the host holds. Anything else is refused with the words the page shows.
 */
export function nextActionDecision(sent: SentNextActions | undefined, scope: string | null, id: string): NextActionDecision {
  if (!sent || sent.scope !== scope) return { refused: 'The next actions have changed since they were shown: try again on the list shown now.' };
  const item = sent.items.find((r) => r.id === id);
  if (!item) return { refused: 'That next action is no longer in the list: try again on the one shown now.' };
  if (!item.action || actionKind(item.action) === null) return { refused: `Optimus has no one-click action for "${text(item.title, NEXT_ACTION_LIMITS.text)}".` };
  return { action: item.action, title: item.title };
}

function text(s: unknown, max: number): string {
  if (typeof s !== 'string') return '';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
