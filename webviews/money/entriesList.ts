import '@vscode-elements/elements/dist/vscode-button/index.js';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { amount, dayLabel } from './format';
import { emit } from './intents';
import type { Direction, EntryInfo } from './moneyInfo';
import { sectionStyles } from './section.styles';

/** The costs and the revenue entered for the project, each with a button that removes it (the host asks first). */
@customElement('optimus-money-entries')
export class EntriesList extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      .lists {
        display: grid;
        gap: 16px;
        grid-template-columns: repeat(auto-fit, minmax(18em, 1fr));
      }
      li.entry {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 4px 0;
        border-bottom: 1px solid var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
      }
      .what {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .what .muted {
        display: block;
        font-size: 0.92em;
      }
      .amount {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) accessor entries: readonly EntryInfo[] = [];
  @property({ type: Boolean }) accessor busy = false;

  override render() {
    return html`<div class="lists">${this.renderList('cost', 'Costs')} ${this.renderList('revenue', 'Revenue')}</div>`;
  }

  private renderList(direction: Direction, title: string) {
    const rows = this.entries.filter((e) => e.direction === direction);
    return html`<div>
      <h3 id=${direction}>${title}</h3>
      ${rows.length === 0
        ? html`<p class="muted">No ${direction === 'cost' ? 'costs' : 'revenue'} entered.</p>`
        : html`<ul class="plain" aria-labelledby=${direction}>
            ${rows.map(
              (e) => html`<li class="entry" data-entry=${e.id}>
                <span class="what">${e.name} <span class="muted">${scheduleOf(e)}</span></span>
                <span class="amount">${amount(e.amount)}</span>
                <vscode-button secondary ?disabled=${this.busy} aria-label=${`Remove ${direction} ${e.name}`} @click=${() => emit(this, { type: 'removeEntry', id: e.id })}>Remove</vscode-button>
              </li>`,
            )}
          </ul>`}
    </div>`;
  }
}

function scheduleOf(e: EntryInfo): string {
  return e.kind === 'monthly' ? `every month since ${dayLabel(e.since)}` : `once, on ${dayLabel(e.since)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-money-entries': EntriesList;
  }
}
