/**
 * What the Next actions list wants, sent up as one event that either dashboard's root turns into a command of
 * its own protocol (the list is shared by Project detail and the Portfolio, which name commands differently).
 */
export type NextActionIntent =
  /** The item's one-click action, named by the item's id. */
  | { type: 'run'; id: string }
  /** The item's project in Project detail (the Portfolio's list only). */
  | { type: 'openProject'; path: string };

export class NextActionEvent extends Event {
  static readonly type = 'optimus-next-action';

  constructor(readonly intent: NextActionIntent) {
    super(NextActionEvent.type, { bubbles: true, composed: true });
  }
}
