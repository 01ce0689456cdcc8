import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import type { DependencyItem } from './detailView';
import { emit } from './intents';
import { DEP_FILTERS, type DepFilter } from './projectState';
import { sectionStyles } from './section.styles';

const FILTER_NAMES: Record<DepFilter, string> = { all: 'All', vulnerable: 'Vulnerable', outdated: 'Outdated' };

/** The project's declared dependencies with what is known of them: locked and latest versions, advisories. */
@customElement('optimus-dependencies-table')
export class DependenciesTable extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      .filters {
        display: inline-flex;
        gap: 4px;
        margin-bottom: 8px;
      }
      .filters button {
        font: inherit;
        padding: 2px 10px;
        border-radius: 2px;
        cursor: pointer;
        color: var(--vscode-button-secondaryForeground);
        background: var(--vscode-button-secondaryBackground);
        border: 1px solid var(--vscode-button-border, transparent);
      }
      .filters button[aria-pressed='true'] {
        color: var(--vscode-button-foreground);
        background: var(--vscode-button-background);
      }
      :host-context(body.vscode-high-contrast) .filters button[aria-pressed='true'],
      :host-context(body.vscode-high-contrast-light) .filters button[aria-pressed='true'] {
        outline: 2px solid var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));
      }
    `,
  ];

  @property({ attribute: false }) accessor dependencies: readonly DependencyItem[] = [];
  @property() accessor filter: DepFilter = 'all';

  override render() {
    const deps = this.dependencies;
    const counts: Record<DepFilter, number> = { all: deps.length, vulnerable: deps.filter((d) => d.vulnerable).length, outdated: deps.filter((d) => d.outdated).length };
    const shown = deps.filter((d) => this.filter === 'all' || (this.filter === 'vulnerable' ? d.vulnerable : d.outdated));
    return html`<section aria-labelledby="title">
      <h3 id="title">Dependencies</h3>
      ${deps.length === 0
        ? html`<p class="summary muted">No dependency is declared in the manifests Optimus read.</p>`
        : html`<p class="summary muted">${counts.all} declared; ${counts.vulnerable} with a known advisory, ${counts.outdated} behind their latest release.</p>
            <div class="filters" role="group" aria-label="Show dependencies">
              ${DEP_FILTERS.map((f) => html`<button aria-pressed=${f === this.filter ? 'true' : 'false'} data-filter=${f} @click=${() => emit(this, { type: 'depFilter', filter: f })}>${FILTER_NAMES[f]} (${counts[f]})</button>`)}
            </div>
            <p class="visually-hidden" role="status">${shown.length} of ${deps.length} dependencies shown</p>
            ${shown.length === 0 ? html`<p class="muted">None is ${this.filter}.</p>` : table(shown)}`}
    </section>`;
  }
}

function table(deps: readonly DependencyItem[]) {
  return html`<table>
    <thead><tr><th scope="col">Package</th><th scope="col">Declared</th><th scope="col">Locked</th><th scope="col">Latest</th><th scope="col">Kind</th><th scope="col">Status</th></tr></thead>
    <tbody>
      ${deps.map((d) => html`<tr>
        <th scope="row">${d.name}</th>
        <td>${d.declared}</td>
        <td>${d.locked ?? '–'}</td>
        <td>${d.latest ?? '–'}</td>
        <td>${d.dev ? 'dev' : 'runtime'}</td>
        <td>${status(d)}</td>
      </tr>`)}
    </tbody>
  </table>`;
}

function status(d: DependencyItem) {
  const badges = [];
  if (d.vulnerable) badges.push(html`<span class="badge vulnerable">vulnerable (${d.vulnerable.severity})</span><span class="muted">${d.vulnerable.ids.slice(0, 3).join(', ')}</span> `);
  if (d.outdated) badges.push(html`<span class="badge outdated">outdated</span>`);
  if (badges.length > 0) return badges;
  return html`<span class="muted">${d.latest ? 'up to date' : 'not checked'}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-dependencies-table': DependenciesTable;
  }
}
