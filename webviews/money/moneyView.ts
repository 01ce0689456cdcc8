import './charts/hoursChart';
import './entriesList';
import './entryForm';
import './marketSection';
import './opportunityCard';
import './rateField';
import './roiFigures';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { authorsTable } from './authorsTable';
import { EMPTY_DRAFT, type DraftField, type EntryDraft } from './entryDraft';
import { typeLabel } from './format';
import type { MoneyInfo } from './moneyInfo';
import type { PendingChange } from './moneyState';
import { sectionStyles } from './section.styles';

/** One project's money, section by section: return, hours, what was entered, revenue models, market, authors. */
@customElement('optimus-money-view')
export class MoneyView extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      section {
        margin: 0 0 24px;
      }
      .roi {
        display: grid;
        gap: 12px;
      }
      .cards {
        display: grid;
        gap: 12px;
        grid-template-columns: repeat(auto-fill, minmax(20em, 1fr));
      }
      optimus-entry-form {
        margin-top: 12px;
      }
      .notes li {
        padding: 2px 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor view: MoneyInfo | null = null;
  @property({ attribute: false }) accessor pending: PendingChange | null = null;
  @property({ attribute: false }) accessor rateDraft: string | null = null;
  @property({ attribute: false }) accessor rateError: string | null = null;
  @property({ attribute: false }) accessor draft: EntryDraft = EMPTY_DRAFT;
  @property({ attribute: false }) accessor formError: { field: DraftField; message: string } | null = null;
  @property({ attribute: false }) accessor today = '';

  override render() {
    const v = this.view;
    if (!v) return nothing;
    return html`
      <section aria-labelledby="roi" class="roi">
        <h2 id="roi">Return on investment</h2>
        <optimus-rate-field .rate=${v.hourlyRate} .draft=${this.rateDraft} .error=${this.rateError} ?saving=${this.pending === 'rate'}></optimus-rate-field>
        <optimus-roi-figures .view=${v}></optimus-roi-figures>
        ${this.renderNotes(v)}
        <optimus-hours-chart .byMonth=${v.hours.byMonth}></optimus-hours-chart>
      </section>
      <section aria-labelledby="entries">
        <h2 id="entries">Costs and revenue</h2>
        <optimus-money-entries .entries=${v.entries} ?busy=${this.pending !== null}></optimus-money-entries>
        <optimus-entry-form .draft=${this.draft} .error=${this.formError} .today=${this.today} ?saving=${this.pending === 'add'}></optimus-entry-form>
      </section>
      <section aria-labelledby="models">
        <h2 id="models">Revenue models</h2>
        ${this.renderType(v)}
        ${v.opportunities.length === 0
          ? html`<p class="muted">No revenue model fits what Optimus can tell of this project.</p>`
          : html`<div class="cards">${v.opportunities.map((o) => html`<optimus-opportunity .opportunity=${o}></optimus-opportunity>`)}</div>`}
      </section>
      <section aria-labelledby="market">
        <h2 id="market">Market</h2>
        <optimus-market .market=${v.market}></optimus-market>
      </section>
      <section aria-labelledby="authors">
        <h2 id="authors">Authors</h2>
        ${authorsTable(v.hours)}
      </section>
    `;
  }

  /** What could not be read (no git repository, a shallow clone, no database): next to the figures it bears on. */
  private renderNotes(v: MoneyInfo) {
    if (v.notes.length === 0) return nothing;
    return html`<div class="frame notes" role="note" aria-labelledby="notes">
      <h3 id="notes">What Optimus could not tell</h3>
      <ul class="plain">
        ${v.notes.map((n) => html`<li>${n}</li>`)}
      </ul>
    </div>`;
  }

  private renderType(v: MoneyInfo) {
    const type = v.type === 'unknown' ? html`<p>Optimus could not tell what kind of project this is.</p>` : html`<p>Project type: <strong>${typeLabel(v.type)}</strong></p>`;
    if (v.typeEvidence.length === 0) return type;
    return html`${type}
      <details>
        <summary>Why</summary>
        <ul>
          ${v.typeEvidence.map((e) => html`<li>${e}</li>`)}
        </ul>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-money-view': MoneyView;
  }
}
