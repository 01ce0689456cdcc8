import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import type { DraftField, EntryDraft } from './entryDraft';
import { EMPTY_DRAFT } from './entryDraft';
import { emit } from './intents';
import { DIRECTIONS, LIMITS, RECURRENCES, type Direction, type Recurrence } from './moneyInfo';
import { sectionStyles } from './section.styles';

/**
 * Adds a cost or a revenue. What is typed is the page's draft (kept across hide/show); it is checked here
 * against the server's bounds before it is sent, and kept until the host confirms it was stored.
 */
@customElement('optimus-entry-form')
export class EntryForm extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 8px 12px;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .name vscode-textfield {
        width: 14em;
      }
      .amount vscode-textfield {
        width: 8em;
      }
      vscode-single-select {
        min-width: 7em;
      }
    `,
  ];

  @property({ attribute: false }) accessor draft: EntryDraft = EMPTY_DRAFT;
  @property({ attribute: false }) accessor error: { field: DraftField; message: string } | null = null;
  /** Today, YYYY-MM-DD: what the date shows until another is picked. */
  @property({ attribute: false }) accessor today = '';
  @property({ type: Boolean }) accessor saving = false;

  override render() {
    const d = this.draft;
    const invalid = (field: DraftField) => this.error?.field === field;
    return html`<form aria-labelledby="add" novalidate @submit=${this.onSubmit}>
        <h3 id="add" class="visually-hidden">Add a cost or revenue</h3>
        <div class="field">
          <label id="direction-label">Type</label>
          <vscode-single-select aria-labelledby="direction-label" .label=${'Cost or revenue'} .value=${d.direction} @change=${(e: Event) => this.edit({ direction: selected(e) as Direction })}>
            ${DIRECTIONS.map((v) => html`<vscode-option value=${v}>${v === 'cost' ? 'Cost' : 'Revenue'}</vscode-option>`)}
          </vscode-single-select>
        </div>
        <div class="field name">
          <label for="name">Name</label>
          <vscode-textfield id="name" .label=${'Name'} placeholder="e.g. Hosting" maxlength=${LIMITS.entryName} .value=${d.name} ?invalid=${invalid('name')} @input=${(e: Event) => this.edit({ name: typed(e) })}></vscode-textfield>
        </div>
        <div class="field amount">
          <label for="amount">Amount</label>
          <vscode-textfield id="amount" .label=${'Amount'} inputmode="decimal" placeholder="e.g. 12.50" .value=${d.amount} ?invalid=${invalid('amount')} @input=${(e: Event) => this.edit({ amount: typed(e) })}></vscode-textfield>
        </div>
        <div class="field">
          <label id="kind-label">Repeats</label>
          <vscode-single-select aria-labelledby="kind-label" .label=${'Repeats'} .value=${d.kind} @change=${(e: Event) => this.edit({ kind: selected(e) as Recurrence })}>
            ${RECURRENCES.map((v) => html`<vscode-option value=${v}>${v === 'monthly' ? 'Monthly' : 'One-off'}</vscode-option>`)}
          </vscode-single-select>
        </div>
        <div class="field">
          <label for="since">${d.kind === 'monthly' ? 'Since' : 'On'}</label>
          <vscode-textfield id="since" type="date" .label=${d.kind === 'monthly' ? 'Since' : 'On'} .value=${d.since ?? this.today} ?invalid=${invalid('since')} @input=${(e: Event) => this.edit({ since: typed(e) })}></vscode-textfield>
        </div>
        <vscode-button type="submit" ?disabled=${this.saving}>Add</vscode-button>
        ${this.saving ? html`<span class="muted">Saving…</span>` : nothing}
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}`;
  }

  private edit(draft: Partial<EntryDraft>): void {
    emit(this, { type: 'editDraft', draft });
  }

  private onSubmit(event: Event): void {
    // The Add button and Enter in a field submit the form; nothing is sent anywhere by it (the CSP forbids
    // that too): the root checks the draft and sends the entry to the host.
    event.preventDefault();
    if (!this.saving) emit(this, { type: 'addEntry' });
  }
}

function typed(event: Event): string {
  return (event.currentTarget as HTMLElementTagNameMap['vscode-textfield']).value;
}

function selected(event: Event): string {
  return (event.currentTarget as HTMLElementTagNameMap['vscode-single-select']).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-entry-form': EntryForm;
  }
}
