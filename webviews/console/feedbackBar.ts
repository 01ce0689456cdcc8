import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { thumbIcon } from '../shared/icons';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import type { Verdict } from './verdicts';

/** Thumbs up or down on a remembered diagnosis, or the id it really was: what the server learns from. */
@customElement('optimus-feedback')
export class FeedbackBar extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      vscode-single-select {
        min-width: 14em;
      }
      svg {
        vertical-align: -2px;
        margin-inline-end: 4px;
      }
    `,
  ];

  @property({ type: Number }) accessor historyId = 0;
  @property({ attribute: false }) accessor verdict: Verdict | null = null;
  /** The ids to offer under "It was…", likeliest first. */
  @property({ attribute: false }) accessor choices: string[] = [];

  override render() {
    const v = this.verdict;
    return html`
      <span id="ask">Was this right?</span>
      <vscode-button ?secondary=${v?.helpful !== true} aria-label="Yes, the diagnosis was right" aria-pressed=${v?.helpful === true ? 'true' : 'false'} @click=${() => this.send(true, null)}>
        ${thumbIcon('up')} Right
      </vscode-button>
      <vscode-button ?secondary=${v?.helpful !== false} aria-label="No, the diagnosis was wrong" aria-pressed=${v?.helpful === false ? 'true' : 'false'} @click=${() => this.send(false, null)}>
        ${thumbIcon('down')} Wrong
      </vscode-button>
      <vscode-single-select .label=${'It was…'} aria-label="It was…" .value=${v?.correctId ?? ''} @change=${this.onPick}>
        <vscode-option value="">It was…</vscode-option>
        ${this.choices.map((id) => html`<vscode-option value=${id}>${id}</vscode-option>`)}
      </vscode-single-select>
      <span class="muted" role="status">${verdictText(v)}</span>
    `;
  }

  private onPick(event: Event): void {
    const value = (event.currentTarget as HTMLElementTagNameMap['vscode-single-select']).value;
    if (value !== '' && value !== this.verdict?.correctId) this.send(false, value);
  }

  private send(helpful: boolean, correctId: string | null): void {
    emit(this, { type: 'feedback', historyId: this.historyId, helpful, correctId });
  }
}

function verdictText(v: Verdict | null): string {
  if (!v) return '';
  if (v.correctId) return `Noted: it was ${v.correctId}.`;
  return v.helpful ? 'Noted: right.' : 'Noted: wrong.';
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-feedback': FeedbackBar;
  }
}
