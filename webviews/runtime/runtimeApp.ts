import './projectList';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { HostChannel } from '../shared/hostChannel';
import { Clock } from '../shared/clock';
import { HostLink } from '../shared/hostLink';
import { emptyStateStyles } from '../shared/emptyState.styles';
import { themeStyles } from '../shared/theme.styles';
import { containerSection } from './containerTable';
import { crashList } from './crashList';
import { nothingRunning, reading } from './emptyStates';
import { formatBytes, formatCpu, spanText } from './format';
import { IntentEvent, type RuntimeIntent } from './intents';
import type { RunningProject, RuntimeCommand, RuntimeMessage, RuntimeView } from './protocol';
import { runtimeAppStyles } from './runtimeApp.styles';
import { applyMessage, INITIAL_STATE, restored, type RuntimeState } from './runtimeState';

export type RuntimeChannel = HostChannel<RuntimeCommand, RuntimeMessage, RuntimeState>;

/** How often "3 minutes ago" of the crashes is brought up to date. */
const CLOCK_MS = 60_000;
const SAVE_WITHIN_MS = 500;

/**
 * The runtime monitor: the one owner of the page's state. Host messages become a new state, which is drawn
 * and saved with `setState` for the next time the panel is shown; the children's intents go to the host.
 */
@customElement('optimus-runtime')
export class RuntimeApp extends LitElement {
  static override styles = [themeStyles, emptyStateStyles, runtimeAppStyles];

  /** Set before the element is attached (main.ts): the page's only way to the host. */
  channel: RuntimeChannel | undefined;

  @state() private accessor model: RuntimeState = INITIAL_STATE;
  private readonly clock = new Clock(this, CLOCK_MS);

  private readonly link = new HostLink<RuntimeCommand, RuntimeMessage, RuntimeState>(this, {
    name: 'optimus-runtime',
    channel: () => this.channel,
    restore: (saved) => (this.model = restored(saved)),
    receive: (message) => (this.model = applyMessage(this.model, message)),
    ready: () => ({ type: 'ready' }),
    state: () => this.model,
    events: [[IntentEvent.type, (event: Event) => this.onIntent(event as IntentEvent)]],
    saveIdleWithinMs: SAVE_WITHIN_MS,
  });

  protected override updated(changed: PropertyValues): void {
    if (changed.has('model')) this.link.save();
  }

  override render() {
    const { view, error } = this.model;
    return html`
      <header>
        <h1>Runtime monitor</h1>
        ${view ? html`<p class="totals">${totalsText(view.running)}</p>` : nothing}
      </header>
      <div class="visually-hidden" role="status">${view ? runningCount(view.running) : ''}</div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${view?.detailsProblem ? html`<p class="warning">${view.detailsProblem}</p>` : nothing}
      ${view === null ? reading() : this.renderView(view)}
    `;
  }

  private renderView(view: RuntimeView) {
    const m = this.model;
    return html`
      <section aria-labelledby="running">
        <h2 id="running">Running</h2>
        ${view.running.length === 0 ? nothing : html`<p class="muted caption">CPU (share of one core) and memory over the last ${spanText(m.windowMs)}.</p>`}
        ${view.running.length === 0
          ? nothingRunning(() => this.act({ type: 'start' }))
          : html`<optimus-runtime-projects .projects=${view.running} .history=${m.history} .end=${m.at ?? 0} .windowMs=${m.windowMs}></optimus-runtime-projects>`}
      </section>
      ${view.crashes.length === 0
        ? nothing
        : html`<section aria-labelledby="crashes">
            <h2 id="crashes">Recent crashes</h2>
            ${crashList(view.crashes, this.clock.now, (intent) => this.act(intent))}
          </section>`}
      <section aria-labelledby="containers">
        <h2 id="containers">Containers</h2>
        ${containerSection(view.containers, view.dockerProblem)}
      </section>
    `;
  }

  private readonly onIntent = (event: Event): void => {
    if (event instanceof IntentEvent) this.act(event.intent);
  };

  /** Every intent is a command for the host; the last refusal is cleared as the user tries again. */
  private act(intent: RuntimeIntent): void {
    if (this.model.error !== null) this.model = { ...this.model, error: null };
    this.link.post(intent);
  }
}

/** "3 running · 45% CPU · 1.2 GB memory" */
function totalsText(running: readonly RunningProject[]): string {
  if (running.length === 0) return 'Nothing running';
  const cpu = running.reduce((s, p) => s + p.cpuPercent, 0);
  const memory = running.reduce((s, p) => s + p.memoryBytes, 0);
  return `${running.length} running · ${formatCpu(cpu)} CPU · ${formatBytes(memory)} memory`;
}

/** What a screen reader hears: only when a project starts or stops, not on every sample. */
function runningCount(running: readonly RunningProject[]): string {
  return running.length === 1 ? '1 project running' : `${running.length} projects running`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-runtime': RuntimeApp;
  }
}
