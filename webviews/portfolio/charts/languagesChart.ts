import { scaleBand, scaleLinear } from 'd3-scale';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import type { ProjectCard } from '../protocol';
import { hueOf } from '../stackBadges';
import { languageCounts, TOP_LANGUAGES, type LanguageCount } from './languageCounts';

const W = 300;
const ROW = 16;
const LABEL = 78;

/** Projects per language, the most used first, as horizontal bars. */
@customElement('optimus-languages-chart')
export class LanguagesChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  @property({ attribute: false }) accessor cards: readonly ProjectCard[] = [];
  private data = languageCounts([]);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('cards')) this.data = languageCounts(this.cards);
  }

  override render() {
    const { rows, other, without } = this.data;
    const top = rows[0];
    const summary = top
      ? `${rows.length + (other > 0 ? '+' : '')} languages; ${top.label} is used by ${top.projects} of ${this.cards.length} projects${rows[1] ? `, then ${rows[1].label} (${rows[1].projects})` : ''}.`
      : 'No language detected in any project yet.';
    return chartFigure({
      title: 'Languages',
      summary,
      chart: top ? this.renderChart(rows, other) : nothing,
      table: top ? renderTable(rows, other, without) : nothing,
    });
  }

  private renderChart(rows: LanguageCount[], other: number) {
    const all = other > 0 ? [...rows, { id: '__other', label: 'Other', projects: other }] : rows;
    // As tall as the most bars it draws, whatever the count: a new language must not move the page below.
    const height = (TOP_LANGUAGES + 1) * ROW + 4;
    const y = scaleBand<string>().domain(all.map((r) => r.id)).range([2, all.length * ROW + 2]).padding(0.2);
    const x = scaleLinear().domain([0, Math.max(1, ...all.map((r) => r.projects))]).range([LABEL, W - 28]);
    return html`<svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="title summary">
      ${all.map((r) => {
        const top = y(r.id) ?? 0;
        const mid = top + y.bandwidth() / 2 + 3.5;
        return svg`<text x=${LABEL - 6} y=${mid} text-anchor="end">${r.label}</text>
          <rect class=${r.id === '__other' ? 'bar-muted' : `bar-${hueOf(r.id)}`} x=${LABEL} y=${top} height=${y.bandwidth()} width=${Math.max(1, x(r.projects) - LABEL)}>
            <title>${r.label}: ${r.projects} ${r.projects === 1 ? 'project' : 'projects'}</title>
          </rect>
          <text x=${x(r.projects) + 4} y=${mid}>${r.projects}</text>`;
      })}
      ${svg`<line class="axis" x1=${LABEL} x2=${LABEL} y1="0" y2=${all.length * ROW + 4}></line>`}
    </svg>`;
  }
}

function renderTable(rows: LanguageCount[], other: number, without: number) {
  return html`<table>
    <thead><tr><th scope="col">Language</th><th scope="col" class="num">Projects</th></tr></thead>
    <tbody>
      ${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${r.projects}</td></tr>`)}
      ${other > 0 ? html`<tr><th scope="row">Other languages</th><td class="num">${other}</td></tr>` : nothing}
      ${without > 0 ? html`<tr><th scope="row">No language detected</th><td class="num">${without}</td></tr>` : nothing}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-languages-chart': LanguagesChart;
  }
}
