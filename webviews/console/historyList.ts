import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { ago } from '../shared/when';
import { historyListStyles } from './historyList.styles';
import { emit } from './intents';
import type { HistoryEntry } from './protocol';

/** The diagnoses of the chosen project, newest first (the host's order); Up and Down move between rows. */
@customElement('optimus-history')
export class HistoryList extends LitElement {
  static override styles = [themeStyles, historyListStyles];

  @property({ attribute: false }) accessor rows: HistoryEntry[] = [];
  @property({ attribute: false }) accessor shownRow: number | null = null;
  @property({ type: Boolean }) accessor scoped = false;

  override render() {
    if (this.rows.length === 0) {
      return html`<p class="muted">No errors diagnosed ${this.scoped ? 'in this project ' : ''}yet. Failed terminal commands, crashed runs and the errors you diagnose here are listed, newest first.</p>`;
    }
    return html`<ul aria-label="Diagnosed errors, newest first" @keydown=${this.onKeyDown}>
      ${this.rows.map((r) => this.renderRow(r))}
    </ul>`;
  }

  private renderRow(r: HistoryEntry) {
    return html`<li>
      <button class="row" data-row=${r.id} aria-current=${r.id === this.shownRow ? 'true' : 'false'} @click=${() => emit(this, { type: 'showRow', id: r.id })}>
        <span class="diagnosis">${r.diagnosis}</span>
        <span class="muted" title=${r.createdAt}>${ago(r.createdAt)}</span>
        <span class="excerpt">${r.excerpt}</span>
        ${r.outcomes.length > 0 || r.feedback !== null
          ? html`<span class="outcomes muted">${[...r.outcomes.map((o) => `${o.fix}: ${o.outcome}`), verdictText(r)].filter(Boolean).join(' · ')}</span>`
          : nothing}
      </button>
    </li>`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.row')];
    const at = buttons.findIndex((b) => b === this.shadowRoot?.activeElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}

function verdictText(r: HistoryEntry): string {
  if (r.confirmed) return `was ${r.confirmed}`;
  return r.feedback === 1 ? 'said right' : r.feedback === -1 ? 'said wrong' : '';
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-history': HistoryList;
  }
}
