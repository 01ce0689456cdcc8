import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import { QUERY_MAX, RUN_FILTERS, SORTS, type PortfolioView, type RunFilter, type Sort } from './portfolioState';
import type { StackTag } from './protocol';

/** Past this many stacks the select filters as you type. */
const FILTER_FROM = 12;
/** The "any stack" option's value: a filtering select shows an option whose value is empty as no choice at all. */
const ANY = '*';
const RUN_NAMES: Record<RunFilter, string> = { all: 'Any state', running: 'Running', stopped: 'Stopped', crashed: 'Crashed' };
const SORT_NAMES: Record<Sort, string> = { name: 'Name', health: 'Health, lowest first', activity: 'Last activity' };
type Select = HTMLElementTagNameMap['vscode-single-select'];

/** Search, the stack and state filters, and the sort: each change is an intent with the new view. */
@customElement('optimus-portfolio-toolbar')
export class PortfolioToolbar extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 8px 12px;
      }
      label {
        display: grid;
        gap: 2px;
        font-size: 0.9em;
      }
      vscode-textfield {
        width: 16em;
      }
      vscode-single-select {
        width: 12em;
      }
    `,
  ];

  @property({ attribute: false }) accessor view: PortfolioView = { query: '', stack: null, run: 'all', sort: 'name' };
  @property({ attribute: false }) accessor stacks: readonly StackTag[] = [];

  override render() {
    const v = this.view;
    return html`
      <label
        >Search
        <vscode-textfield
          type="search"
          .value=${v.query}
          .label=${'Search projects by name, stack, branch or path'}
          placeholder="Name, stack, branch…"
          maxlength=${QUERY_MAX}
          @input=${this.onSearch}
        ></vscode-textfield>
      </label>
      <label
        >Stack
        <vscode-single-select .label=${'Filter by stack'} ?combobox=${this.stacks.length > FILTER_FROM} .value=${v.stack ?? ANY} @change=${this.onStack}>
          <vscode-option value=${ANY}>Any stack</vscode-option>
          ${this.stacks.map((t) => html`<vscode-option value=${t.id}>${t.label}</vscode-option>`)}
        </vscode-single-select>
      </label>
      <label
        >State
        <vscode-single-select .label=${'Filter by running state'} .value=${v.run} @change=${this.onRun}>
          ${RUN_FILTERS.map((r) => html`<vscode-option value=${r}>${RUN_NAMES[r]}</vscode-option>`)}
        </vscode-single-select>
      </label>
      <label
        >Sort by
        <vscode-single-select .label=${'Sort projects by'} .value=${v.sort} @change=${this.onSort}>
          ${SORTS.map((s) => html`<vscode-option value=${s}>${SORT_NAMES[s]}</vscode-option>`)}
        </vscode-single-select>
      </label>
    `;
  }

  private onSearch(event: Event): void {
    const query = (event.currentTarget as HTMLElementTagNameMap['vscode-textfield']).value.slice(0, QUERY_MAX);
    if (query !== this.view.query) emit(this, { type: 'view', view: { query } });
  }

  private onStack(event: Event): void {
    const value = (event.currentTarget as Select).value;
    emit(this, { type: 'view', view: { stack: value === ANY || value === '' ? null : value } });
  }

  private onRun(event: Event): void {
    const value = (event.currentTarget as Select).value;
    if ((RUN_FILTERS as readonly string[]).includes(value)) emit(this, { type: 'view', view: { run: value as RunFilter } });
  }

  private onSort(event: Event): void {
    const value = (event.currentTarget as Select).value;
    if ((SORTS as readonly string[]).includes(value)) emit(this, { type: 'view', view: { sort: value as Sort } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-portfolio-toolbar': PortfolioToolbar;
  }
}
