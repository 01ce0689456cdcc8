import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/projectPicker';
import './moneyView';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { appHeaderStyles } from '../shared/appHeader.styles';
import type { HostChannel } from '../shared/hostChannel';
import type { ProjectPickEvent } from '../shared/projectPicker';
import { HostLink } from '../shared/hostLink';
import { emptyStateStyles } from '../shared/emptyState.styles';
import { themeStyles } from '../shared/theme.styles';
import { draftItem, parseAmount } from './entryDraft';
import { loadFailed, loading, noProjects } from './emptyStates';
import { today } from './format';
import { IntentEvent, type MoneyIntent } from './intents';
import { moneyAppStyles } from './moneyApp.styles';
import { LIMITS } from './moneyInfo';
import { applyMessage, INITIAL_STATE, picked, restored, type MoneyState } from './moneyState';
import type { MoneyCommand, MoneyMessage } from './protocol';

export type MoneyChannel = HostChannel<MoneyCommand, MoneyMessage, MoneyState>;

/**
 * The Money dashboard: the one owner of the page's state. Host messages and the children's intents both become
 * a new state, which is drawn and saved with `setState` for the next time the panel is shown.
 */
@customElement('optimus-money')
export class MoneyApp extends LitElement {
  static override styles = [themeStyles, appHeaderStyles, emptyStateStyles, moneyAppStyles];

  /** Set before the element is attached (main.ts): the page's only way to the host. */
  channel: MoneyChannel | undefined;

  @state() private accessor model: MoneyState = INITIAL_STATE;
  /** The rate last sent: Enter and then leaving the field both commit it, and it goes to the host once. */
  private sentRate: number | null = null;

  private readonly link = new HostLink<MoneyCommand, MoneyMessage, MoneyState>(this, {
    name: 'optimus-money',
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
        <h1>Money${m.view ? html`<span class="visually-hidden">: ${m.view.name}</span>` : nothing}</h1>
        ${m.projects.length > 0 ? this.renderPicker(m) : nothing}
      </header>
      <div class="visually-hidden" role="status" aria-live="polite">${announcement(m)}</div>
      ${m.notice ? html`<p class="notice" role="alert">${m.notice}</p>` : nothing} ${this.renderBody(m)}
    `;
  }

  /** One project at a time, and a way to read its figures again. */
  private renderPicker(m: MoneyState) {
    return html`<optimus-project-picker .projects=${m.projects} .project=${m.project} @optimus-project-pick=${(e: ProjectPickEvent) => e.project !== null && this.handle({ type: 'pickProject', project: e.project })}>
      <vscode-button secondary ?disabled=${m.loading || m.project === null} @click=${() => this.handle({ type: 'refresh' })}>Refresh</vscode-button>
    </optimus-project-picker>`;
  }

  private renderBody(m: MoneyState) {
    if (m.heard && m.projects.length === 0 && !m.indexing) return noProjects();
    if (m.error) return loadFailed(m.error, () => this.handle({ type: 'refresh' }));
    if (!m.view) return loading(m.projects.find((p) => p.path === m.project)?.name ?? null);
    return html`<optimus-money-view
      .view=${m.view}
      .pending=${m.pending}
      .rateDraft=${m.rateDraft}
      .rateError=${m.rateError}
      .draft=${m.draft}
      .formError=${m.formError}
      .today=${today()}
    ></optimus-money-view>`;
  }

  private readonly onIntent = (event: Event): void => {
    if (event instanceof IntentEvent) this.handle(event.intent);
  };

  private handle(intent: MoneyIntent): void {
    const m = this.model;
    switch (intent.type) {
      case 'pickProject':
        if (intent.project === m.project) return;
        this.model = picked(m, intent.project);
        return this.post({ type: 'pickProject', project: intent.project });
      case 'refresh':
        if (m.project === null) return;
        this.model = { ...m, loading: true, error: null, notice: null };
        return this.post({ type: 'refresh', project: m.project });
      case 'editRate':
        this.model = { ...m, rateDraft: intent.text, rateError: null };
        return;
      case 'commitRate':
        return this.commitRate(intent.text);
      case 'editDraft': {
        const touched = m.formError !== null && m.formError.field in intent.draft;
        this.model = { ...m, draft: { ...m.draft, ...intent.draft }, formError: touched ? null : m.formError };
        return;
      }
      case 'addEntry':
        return this.addEntry();
      case 'removeEntry':
        if (m.project === null) return;
        this.model = { ...m, pending: 'remove', notice: null };
        return this.post({ type: 'removeEntry', project: m.project, id: intent.id });
      case 'openMarketSetting':
        return this.post({ type: 'openMarketSetting' });
    }
  }

  /** Sends the rate once it is a valid number that differs from the stored one; says what is wrong otherwise. */
  private commitRate(text: string): void {
    const m = this.model;
    if (m.project === null || m.view === null) return;
    if (text.trim() === '' && m.view.hourlyRate === null) return void (this.model = { ...m, rateDraft: null, rateError: null });
    const rate = parseAmount(text, LIMITS.rate, 'The hourly rate');
    if (typeof rate === 'string') return void (this.model = { ...m, rateDraft: text, rateError: rate });
    if (m.pending === 'rate' ? rate === this.sentRate : rate === m.view.hourlyRate) return void (this.model = { ...m, rateError: null });
    this.sentRate = rate;
    this.model = { ...m, pending: 'rate', rateDraft: text, rateError: null, notice: null };
    this.post({ type: 'setRate', project: m.project, rate });
  }

  private addEntry(): void {
    const m = this.model;
    if (m.project === null || m.pending === 'add') return;
    const checked = draftItem(m.draft, today());
    if ('error' in checked) return void (this.model = { ...m, formError: { field: checked.field, message: checked.error } });
    this.model = { ...m, pending: 'add', formError: null, notice: null };
    this.post({ type: 'addEntry', project: m.project, direction: m.draft.direction, item: checked.item });
  }

  private post(command: MoneyCommand): void {
    this.link.post(command);
  }
}

/** What a screen reader hears when the page changes under it. */
function announcement(m: MoneyState): string {
  if (m.pending) return 'Saving…';
  if (m.loading) return 'Loading…';
  if (m.error) return 'The figures could not be read.';
  return m.view ? `Showing the money of ${m.view.name}.` : '';
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-money': MoneyApp;
  }
}
