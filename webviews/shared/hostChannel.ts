import { describeDropped, type Guard } from './guards';

/** What VS Code gives a webview script: `acquireVsCodeApi` may be called once per page. */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The webview's end of one panel protocol: typed posts to the host, host messages let through only when their
 * guard accepts them, and the panel's state kept by VS Code across hide/show (the webview itself is destroyed
 * when hidden, since panels do not use retainContextWhenHidden).
 */
export class HostChannel<Command, Message, State> {
  private readonly api = acquireVsCodeApi();

  constructor(
    private readonly guards: { message: Guard<Message>; state: Guard<State> },
    private readonly label: string,
  ) {}

  post(command: Command): void {
    this.api.postMessage(command);
  }

  /** Calls `handle` with each valid host message; returns the unsubscribe. */
  listen(handle: (message: Message) => void): () => void {
    const listener = (event: MessageEvent<unknown>): void => {
      if (this.guards.message(event.data)) handle(event.data);
      else console.warn(`[${this.label}] dropped a host message outside the protocol: ${describeDropped(event.data)}`);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }

  /** The state saved before the webview was last destroyed; undefined when none, or when it no longer fits. */
  restore(): State | undefined {
    const saved = this.api.getState();
    if (saved === undefined || saved === null) return undefined;
    if (this.guards.state(saved)) return saved;
    console.warn(`[${this.label}] ignored saved state of an unknown shape`);
    return undefined;
  }

  save(state: State): void {
    this.api.setState(state);
  }
}
