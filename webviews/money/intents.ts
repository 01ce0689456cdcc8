import type { EntryDraft } from './entryDraft';

/** What a part of the dashboard wants; the root turns it into a command for the host or a change of state. */
export type MoneyIntent =
  | { type: 'pickProject'; project: string }
  | { type: 'refresh' }
  /** The rate field's text as being typed. */
  | { type: 'editRate'; text: string }
  /** Enter or leaving the rate field: the rate is set if it is a valid one and differs from the stored one. */
  | { type: 'commitRate'; text: string }
  | { type: 'editDraft'; draft: Partial<EntryDraft> }
  | { type: 'addEntry' }
  | { type: 'removeEntry'; id: number }
  | { type: 'openMarketSetting' };

/**
 * The one event the dashboard's components send up: the root handles every intent in one place, so children
 * hold no state of their own beyond what they are given.
 */
export class IntentEvent extends Event {
  static readonly type = 'optimus-money-intent';

  constructor(readonly intent: MoneyIntent) {
    super(IntentEvent.type, { bubbles: true, composed: true });
  }
}

export function emit(from: EventTarget, intent: MoneyIntent): void {
  from.dispatchEvent(new IntentEvent(intent));
}
