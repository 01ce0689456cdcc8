import type { RuntimeCommand } from './protocol';

/** What a part of the monitor wants: every one of them is a command for the host. */
export type RuntimeIntent = Exclude<RuntimeCommand, { type: 'ready' }>;

/**
 * The one event the monitor's components send up: the root handles every intent in one place, so children
 * hold no state of their own beyond what they are given.
 */
export class IntentEvent extends Event {
  static readonly type = 'optimus-runtime-intent';

  constructor(readonly intent: RuntimeIntent) {
    super(IntentEvent.type, { bubbles: true, composed: true });
  }
}

export function emit(from: EventTarget, intent: RuntimeIntent): void {
  from.dispatchEvent(new IntentEvent(intent));
}
