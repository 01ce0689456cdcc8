import './diagnosisCard';
import './errorInput';
import './historyDetail';
import './historyList';
import '../shared/projectPicker';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { appHeaderStyles } from '../shared/appHeader.styles';
import type { HostChannel } from '../shared/hostChannel';
import type { ProjectPickEvent } from '../shared/projectPicker';
import { HostLink } from '../shared/hostLink';
import { emptyStateStyles } from '../shared/emptyState.styles';
import { themeStyles } from '../shared/theme.styles';
import { consoleAppStyles } from './consoleApp.styles';
import { applyMessage, INITIAL_STATE, restored, type ConsoleState } from './consoleState';
import { IntentEvent, type ConsoleIntent } from './intents';
import type { ConsoleCommand, ConsoleMessage } from './protocol';
import { verdictOf } from './verdicts';

export type ConsoleChannel = HostChannel<ConsoleCommand, ConsoleMessage, ConsoleState>;

/**
 * The troubleshooting console: the one owner of the page's state. Host messages and the children's intents
 * both become a new state, which is drawn and saved with `setState` for the next time the panel is shown.
 */
@customElement('optimus-console')
export class ConsoleApp extends LitElement {
  static override styles = [themeStyles, appHeaderStyles, emptyStateStyles, consoleAppStyles];

  /** Set before the element is attached (main.ts): the page's only way to the host. */
  channel: ConsoleChannel | undefined;

  @state() private accessor model: ConsoleState = INITIAL_STATE;

  private readonly link = new HostLink<ConsoleCommand, ConsoleMessage, ConsoleState>(this, {
    name: 'optimus-console',
    channel: () => this.channel,
    restore: (saved) => (this.model = restored(saved)),
    receive: (message) => (this.model = applyMessage(this.model, message)),
    ready: () => ({ type: 'ready', project: this.model.project }),
    state: () => this.model,
    events: [[IntentEvent.type, (event: Event) => this.onIntent(event as IntentEvent)]],
  });

  protected override updated(changed: PropertyValues): void {
    if (changed.has('model')) this.link.save();
  }

  override render() {
    const m = this.model;
    return html`
      <header>
        <h1>Troubleshooting console</h1>
        ${m.project ? html`<span class="muted">Errors diagnosed here are filed under ${nameOf(m)}.</span>` : nothing}
      </header>
      <div class="layout">
        <main>
          <optimus-error-input .text=${m.text} ?busy=${m.busy}></optimus-error-input>
          <div class="visually-hidden" role="status" aria-live="polite">${announcement(m)}</div>
          ${m.error ? html`<p class="error" role="alert">${m.error}</p>` : nothing}
          <section class="result" aria-label="Diagnosis">${this.renderResult(m)}</section>
        </main>
        <aside aria-labelledby="history">
          <div class="history-head">
            <h2 id="history">History</h2>
            <optimus-project-picker
              .projects=${m.projects}
              .project=${m.project}
              .noProjectLabel=${'All projects'}
              @optimus-project-pick=${(e: ProjectPickEvent) => this.handle({ type: 'pickProject', project: e.project })}
            ></optimus-project-picker>
          </div>
          <optimus-history .rows=${m.history} .shownRow=${m.shownRow} ?scoped=${m.project !== null}></optimus-history>
        </aside>
      </div>
    `;
  }

  private renderResult(m: ConsoleState) {
    const row = m.shownRow === null ? undefined : m.history.find((r) => r.id === m.shownRow);
    if (row && row.id !== m.diagnosis?.historyId) {
      return html`<optimus-history-detail .row=${row} .verdict=${verdictOf(row.id, m.verdicts, m.history)} .diagnosisIds=${m.diagnosisIds}></optimus-history-detail>`;
    }
    const d = m.diagnosis;
    if (d) {
      const verdict = d.historyId === null ? null : verdictOf(d.historyId, m.verdicts, m.history);
      return html`<optimus-diagnosis .diagnosis=${d} .verdict=${verdict} .diagnosisIds=${m.diagnosisIds}></optimus-diagnosis>`;
    }
    return html`<div class="empty">
      <h2>No error diagnosed yet</h2>
      <p>Paste an error message or a stack trace above, or take it from the clipboard, then press Diagnose.</p>
      <p class="muted">Optimus names the cause in plain words, points at the line in your code and offers fixes. Nothing runs until you click one.</p>
    </div>`;
  }

  private readonly onIntent = (event: Event): void => {
    if (event instanceof IntentEvent) this.handle(event.intent);
  };

  private handle(intent: ConsoleIntent): void {
    const m = this.model;
    switch (intent.type) {
      case 'edit':
        this.model = { ...m, text: intent.text };
        return;
      case 'showRow':
        this.model = { ...m, shownRow: intent.id };
        return;
      case 'submit':
        if (m.text.trim() === '') return;
        this.model = { ...m, busy: true, error: null };
        return this.link.post({ type: 'diagnose', text: m.text, project: m.project });
      case 'pickProject':
        this.model = { ...m, project: intent.project, history: [], shownRow: null };
        return this.link.post(intent);
      default:
        return this.link.post(intent);
    }
  }
}

function nameOf(m: ConsoleState): string {
  return m.projects.find((p) => p.path === m.project)?.name ?? m.project ?? '';
}

/** What a screen reader hears when the result changes. */
function announcement(m: ConsoleState): string {
  if (m.busy) return 'Diagnosing…';
  if (m.diagnosis) return `Diagnosis: ${m.diagnosis.title}, ${Math.round(m.diagnosis.confidence * 100)}% sure.`;
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-console': ConsoleApp;
  }
}
