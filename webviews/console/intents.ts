import type { ConsoleCommand } from './protocol';

/** What a part of the console wants: a command for the host, or a change only the page needs. */
export type ConsoleIntent =
  | Extract<ConsoleCommand, { type: 'readClipboard' | 'applyFix' | 'openFrame' | 'feedback' | 'pickProject' }>
  /** Diagnose the text being edited (the root adds the text and the project). */
  | { type: 'submit' }
  | { type: 'edit'; text: string }
  | { type: 'showRow'; id: number | null };

/**
 * The one event the console's components send up: the root handles every intent in one place, so children
 * hold no state of their own beyond what they are given.
 */
export class IntentEvent extends Event {
  static readonly type = 'optimus-intent';

  constructor(readonly intent: ConsoleIntent) {
    super(IntentEvent.type, { bubbles: true, composed: true });
  }
}

export function emit(from: EventTarget, intent: ConsoleIntent): void {
  from.dispatchEvent(new IntentEvent(intent));
}
