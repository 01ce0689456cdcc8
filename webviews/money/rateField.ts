import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import { sectionStyles } from './section.styles';

/**
 * The hourly rate labour is priced at. What is typed is sent when the user presses Enter or leaves the field,
 * and only when it is a valid rate: anything else is said next to the field and never leaves the page.
 */
@customElement('optimus-rate-field')
export class RateField extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 8px;
      }
      vscode-textfield {
        width: 9em;
      }
    `,
  ];

  @property({ attribute: false }) accessor rate: number | null = null;
  @property({ attribute: false }) accessor draft: string | null = null;
  @property({ attribute: false }) accessor error: string | null = null;
  @property({ type: Boolean }) accessor saving = false;

  override render() {
    return html`
      <div class="row">
        <label for="rate">Hourly rate</label>
        <vscode-textfield
          id="rate"
          .label=${'Hourly rate'}
          inputmode="decimal"
          placeholder="e.g. 50"
          .value=${this.draft ?? (this.rate === null ? '' : String(this.rate))}
          ?invalid=${this.error !== null}
          @input=${this.onInput}
          @change=${this.commit}
          @keydown=${this.onKeyDown}
        ></vscode-textfield>
        <span class="muted">per hour, in the currency of your entries</span>
        ${this.saving ? html`<span class="muted">Saving…</span>` : nothing}
      </div>
      ${this.error
        ? html`<p class="error" role="alert">${this.error}</p>`
        : this.rate === null
          ? html`<p class="muted">No rate set: your hours count as 0 in what is invested until you set one.</p>`
          : nothing}
    `;
  }

  private value(event: Event): string {
    return (event.currentTarget as HTMLElementTagNameMap['vscode-textfield']).value;
  }

  private onInput(event: Event): void {
    emit(this, { type: 'editRate', text: this.value(event) });
  }

  private commit(event: Event): void {
    emit(this, { type: 'commitRate', text: this.value(event) });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.commit(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-rate-field': RateField;
  }
}
