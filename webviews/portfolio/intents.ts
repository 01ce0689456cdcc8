import type { PortfolioView } from './portfolioState';
import type { PortfolioCommand } from './protocol';

/** What a part of the portfolio wants: a command for the host, or a change only the page needs. */
export type PortfolioIntent =
  | Extract<PortfolioCommand, { type: 'openProject' | 'addRoot' }>
  /** A new search, filter or sort. */
  | { type: 'view'; view: Partial<PortfolioView> }
  /** The card that now holds the grid's tab stop. */
  | { type: 'focusCard'; path: string }
  | { type: 'clearFilters' };

/**
 * The one event the portfolio's components send up: the root handles every intent in one place, so children
 * hold no state of their own beyond what they are given (and what they draw, like a focused heatmap day).
 */
export class IntentEvent extends Event {
  static readonly type = 'optimus-portfolio-intent';

  constructor(readonly intent: PortfolioIntent) {
    super(IntentEvent.type, { bubbles: true, composed: true });
  }
}

export function emit(from: EventTarget, intent: PortfolioIntent): void {
  from.dispatchEvent(new IntentEvent(intent));
}
