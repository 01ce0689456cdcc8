import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The time "3 minutes ago" texts are measured from: read once per render, moved on every `everyMs` while the
 * element is attached (and redrawn then), so relative times stay true without a timer per text.
 */
export class Clock implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
