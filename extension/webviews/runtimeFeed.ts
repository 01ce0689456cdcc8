import { LIMITS, type RuntimeMessage, type RuntimeView } from '../../webviews/runtime/protocol';
import { UsageHistory } from './runtimeHistory';
import { usageOf } from './runtimeModels';

/** Runs `run` after `ms`; returns what cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

export interface FeedDeps {
  /** The view now, from the client's models. */
  view: () => RuntimeView;
  post: (message: RuntimeMessage) => void;
  /** The panel is shown (a hidden page is destroyed and gets nothing). */
  visible: () => boolean;
  now: () => number;
  schedule: Schedule;
  /** After each message to a shown page: what else the page needs (details read, crashes marked seen). */
  sent: () => void;
}

export interface FeedTiming {
  windowMs: number;
  /** Model changes come in bursts (a sample, then the containers' events): one update per burst. */
  burstMs: number;
  /**
   * The server sends figures only when they move enough to be news: while it is quiet, a shown page gets the
   * held figures as a sample this often, so its charts keep moving with time.
   */
  holdMs: number;
}

export const FEED_TIMING: FeedTiming = { windowMs: 10 * 60_000, burstMs: 100, holdMs: 5_000 };

/**
 * What the Runtime monitor's page is sent, and when: the history of every running project is kept whether the
 * page is shown or not; a page that says `ready` gets all of it, then one message per burst of model changes
 * while it is shown, each with one sample per running project. Without VS Code, so it is tested as it runs.
 */
export class RuntimeFeed {
  private readonly history: UsageHistory;
  private pageReady = false;
  private samplePending = false;
  private cancelUpdate: (() => void) | undefined;
  private cancelHold: (() => void) | undefined;

  constructor(
    private readonly deps: FeedDeps,
    private readonly timing: FeedTiming = FEED_TIMING,
  ) {
    this.history = new UsageHistory(timing.windowMs, LIMITS.samples);
    this.history.record(deps.now(), usageOf(deps.view()));
  }

  /** The models changed; `sample` when the runtime did (names or details alone are no sample). */
  changed(sample: boolean): void {
    this.samplePending ||= sample;
    this.cancelUpdate ??= this.deps.schedule(() => {
      this.cancelUpdate = undefined;
      this.update();
    }, this.timing.burstMs);
  }

  /** A new page said `ready`: the whole history, with a sample of now so its charts reach the present. */
  pageShown(): void {
    this.pageReady = true;
    const view = this.deps.view();
    const at = this.history.record(this.deps.now(), usageOf(view));
    this.deps.post({ type: 'init', at, windowMs: this.timing.windowMs, view, history: this.history.all() });
    this.afterSend(view);
  }

  /** The panel was hidden: its page is gone until the next `ready`. */
  hidden(): void {
    this.pageReady = false;
    this.cancelHold?.();
    this.cancelHold = undefined;
  }

  dispose(): void {
    this.cancelUpdate?.();
    this.hidden();
  }

  private update(): void {
    const view = this.deps.view();
    if (this.samplePending) this.history.record(this.deps.now(), usageOf(view));
    this.samplePending = false;
    if (!this.pageReady || !this.deps.visible()) return;
    this.deps.post({ type: 'update', at: this.history.at ?? this.deps.now(), view });
    this.afterSend(view);
  }

  private afterSend(view: RuntimeView): void {
    this.deps.sent();
    this.cancelHold?.();
    this.cancelHold = view.running.length > 0 ? this.deps.schedule(() => this.changed(true), this.timing.holdMs) : undefined;
  }
}
