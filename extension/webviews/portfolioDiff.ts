import type { ProjectCard } from '../../webviews/portfolio/protocol';

/** What the page was last sent, card by card, as JSON: a card is sent again only when its JSON differs. */
export type SentCards = Map<string, string>;

export interface CardChanges {
  updated: ProjectCard[];
  removed: string[];
  /** What the page holds once these changes are applied. */
  sent: SentCards;
}

/**
 * The cards that differ from what the page holds, and the paths it holds that are gone. A runtime sample that
 * moves one project's CPU sends that one card, not 200: the live update the page redraws is that small.
 */
export function cardChanges(sent: SentCards, cards: readonly ProjectCard[]): CardChanges {
  const next: SentCards = new Map();
  const updated: ProjectCard[] = [];
  for (const card of cards) {
    const json = JSON.stringify(card);
    next.set(card.path, json);
    if (sent.get(card.path) !== json) updated.push(card);
  }
  const removed = [...sent.keys()].filter((p) => !next.has(p));
  return { updated, removed, sent: next };
}

export function sentOf(cards: readonly ProjectCard[]): SentCards {
  return new Map(cards.map((c) => [c.path, JSON.stringify(c)]));
}
