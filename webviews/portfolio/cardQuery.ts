import type { PortfolioView } from './portfolioState';
import type { ProjectCard, StackTag } from './protocol';

/**
 * The cards the toolbar's search, filters and sort leave, in order. Pure, and cheap enough for 200 cards on
 * every key press (well under a millisecond): no index is kept.
 */
export function visibleCards(cards: readonly ProjectCard[], view: PortfolioView): ProjectCard[] {
  const words = view.query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = cards.filter(
    (c) => (view.run === 'all' || c.run.state === view.run) && (view.stack === null || c.stack.some((t) => t.id === view.stack)) && matches(c, words),
  );
  return shown.sort(ORDER[view.sort]);
}

/** Every word must be found in the name, the monorepo, the stack, the branch or the path. */
function matches(card: ProjectCard, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = [card.name, card.parentName ?? '', card.git?.branch ?? '', card.path, ...card.stack.flatMap((t) => [t.id, t.label])].join('\n').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** One collator for every comparison: `localeCompare` builds one per call, a tenth of a live update's time. */
const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a: ProjectCard, b: ProjectCard): number => collator.compare(a.name, b.name) || collator.compare(a.path, b.path);

/** Health puts the projects that need care first; activity the ones worked on last. Unknowns go last. */
const ORDER: Record<PortfolioView['sort'], (a: ProjectCard, b: ProjectCard) => number> = {
  name: byName,
  health: (a, b) => (a.health ?? 101) - (b.health ?? 101) || byName(a, b),
  activity: (a, b) => time(b.lastActivity) - time(a.lastActivity) || byName(a, b),
};

function time(iso: string | null): number {
  const t = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The stack filter's choices: every tag some card has, the most common first. */
export function stackChoices(cards: readonly ProjectCard[]): Array<StackTag & { count: number }> {
  const byId = new Map<string, StackTag & { count: number }>();
  for (const c of cards) for (const t of c.stack) {
    const held = byId.get(t.id);
    if (held) held.count++;
    else byId.set(t.id, { ...t, count: 1 });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}
