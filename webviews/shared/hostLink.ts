import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostChannel } from './hostChannel';

export interface HostLinkOptions<C, M, S> {
  /** The element's tag, for the error when it is attached without a channel. */
  name: string;
  /** Set before the element is attached (main.ts): the page's only way to the host. */
  channel: () => HostChannel<C, M, S> | undefined;
  /** The state to start from: what VS Code kept across hide/show, or the initial one. */
  restore: (saved: S | undefined) => void;
  /** Each host message the protocol's guard let through. */
  receive: (message: M) => void;
  /** Told once listening, so the host answers a page that can hear it. */
  ready: () => C;
  /** The state to save now. */
  state: () => S;
  /** Pairs of DOM event type and handler the element listens to while attached (the children's intents). */
  events?: ReadonlyArray<readonly [string, (event: Event) => void]>;
  /**
   * Save in idle time within this many ms instead of at once: for states that take a few ms to serialize, so a
   * live update is on screen first and a burst of changes is saved once.
   */
  saveIdleWithinMs?: number;
}

/**
 * What every panel app does with its host, as a lit controller: on attach restore the saved state, listen,
 * add its event handlers and say `ready`; on detach stop; save the state when told.
 */
export class HostLink<C, M, S> implements ReactiveController {
  private unlisten: (() => void) | undefined;
  private saving = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: HostLinkOptions<C, M, S>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const channel = this.channel();
    this.options.restore(channel.restore());
    this.unlisten = channel.listen(this.options.receive);
    for (const [type, handler] of this.options.events ?? []) this.host.addEventListener(type, handler);
    channel.post(this.options.ready());
  }

  hostDisconnected(): void {
    this.unlisten?.();
    for (const [type, handler] of this.options.events ?? []) this.host.removeEventListener(type, handler);
  }

  post(command: C): void {
    this.channel().post(command);
  }

  save(): void {
    const within = this.options.saveIdleWithinMs;
    if (within === undefined) return this.options.channel()?.save(this.options.state());
    if (this.saving) return;
    this.saving = true;
    requestIdleCallback(
      () => {
        this.saving = false;
        this.options.channel()?.save(this.options.state());
      },
      { timeout: within },
    );
  }

  private channel(): HostChannel<C, M, S> {
    const channel = this.options.channel();
    if (!channel) throw new Error(`${this.options.name} needs its channel before it is attached`);
    return channel;
  }
}
