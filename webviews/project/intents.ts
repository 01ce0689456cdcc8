import type { DepFilter } from './projectState';
import type { OpenList, RunAction } from './protocol';

/**
 * What a part of the page wants. The parts know neither the project nor the detail's `ref`: the root adds them
 * when it turns an intent into a command for the host.
 */
export type ProjectIntent =
  | { type: 'pick'; project: string }
  | { type: 'refresh' }
  | { type: 'run'; action: RunAction }
  /** An item of one of the detail's lists, by its index there. */
  | { type: 'open'; list: OpenList; index: number }
  | { type: 'depFilter'; filter: DepFilter };

/** The one event the page's components send up; the root handles every intent in one place. */
export class IntentEvent extends Event {
  static readonly type = 'optimus-project-intent';

  constructor(readonly intent: ProjectIntent) {
    super(IntentEvent.type, { bubbles: true, composed: true });
  }
}

export function emit(from: EventTarget, intent: ProjectIntent): void {
  from.dispatchEvent(new IntentEvent(intent));
}
