import type { Recommendation } from '../../language-server/advisor/recommend/recommendation';
import { NEXT_ACTION_LIMITS, type NextAction } from '../../webviews/project/nextActions';
import { nextActionDecision, nextActionsView, type NextActionDecision, type SentNextActions } from './nextActionsModels';

/** A list for a page, or the server's reason it has none; `scope` is the project's path, null for the portfolio. */
export type NextActionsAnswer = { scope: string | null; actions: NextAction[] } | { scope: string | null; error: string };

/**
 * One panel's next actions: reads them from the server for a scope, hands the answer on, and keeps what was
 * handed on — the only items a page's command may name. One read at a time: asked again while one runs, one
 * more read follows it (a scan's burst of changes makes two reads, not twenty), and an answer for a scope no
 * longer wanted (the panel moved to another project) is dropped. Free of VS Code: the panel gives `ask`.
 */
export class NextActionsFeed {
  private sent: SentNextActions | undefined;
  private wanted: { scope: string | null } | null = null;
  private generation = 0;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly ask: (scope: string | null) => Promise<readonly Recommendation[]>,
    private readonly max: number,
    private readonly deliver: (answer: NextActionsAnswer) => void,
  ) {}

  /** Reads the list of `scope` and delivers it; resolves once no read is left to do. */
  refresh(scope: string | null): Promise<void> {
    this.wanted = { scope };
    this.generation++;
    this.loop ??= this.run();
    return this.loop;
  }

  /** Drops what was sent and any answer on its way: the panel shows something else now. */
  forget(): void {
    this.wanted = null;
    this.generation++;
    this.sent = undefined;
  }

  /** The action the page's command with this id may run, looked up in what was last delivered for `scope`. */
  decide(scope: string | null, id: string): NextActionDecision {
    return nextActionDecision(this.sent, scope, id);
  }

  private async run(): Promise<void> {
    while (this.wanted) {
      const { scope } = this.wanted;
      const generation = this.generation;
      const answer = await this.read(scope);
      // Still the scope wanted: delivered even when asked again meanwhile, so a long burst never starves the page.
      if (this.wanted?.scope === scope) this.hand(scope, answer);
      if (generation === this.generation) this.wanted = null;
    }
    // Cleared in the same turn as the last check, so a refresh from now on starts a new loop.
    this.loop = undefined;
  }

  private async read(scope: string | null): Promise<Recommendation[] | { error: string }> {
    try {
      return [...(await this.ask(scope))];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { error: message.slice(0, NEXT_ACTION_LIMITS.message) };
    }
  }

  private hand(scope: string | null, answer: Recommendation[] | { error: string }): void {
    if (!Array.isArray(answer)) return this.deliver({ scope, error: answer.error });
    const { actions, kept } = nextActionsView(answer, this.max);
    this.sent = { scope, items: kept };
    this.deliver({ scope, actions });
  }
}
