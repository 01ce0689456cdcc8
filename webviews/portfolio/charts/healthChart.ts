import { scaleBand, scaleLinear } from 'd3-scale';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import type { ProjectCard } from '../protocol';
import { healthBins, type HealthBin } from './healthBins';

const W = 300;
const H = 140;
const M = { top: 8, right: 4, bottom: 18, left: 24 };

/** How many projects fall in each ten points of health, coloured poor (<50), fair (<80) and good. */
@customElement('optimus-health-chart')
export class HealthChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  @property({ attribute: false }) accessor cards: readonly ProjectCard[] = [];
  private data = healthBins([]);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('cards')) this.data = healthBins(this.cards);
  }

  override render() {
    const { bins, unknown, median } = this.data;
    const analyzed = this.cards.length - unknown;
    const summary =
      analyzed === 0
        ? 'No project has been analyzed yet: run Analyze Project on one to see its health here.'
        : `${analyzed} of ${this.cards.length} projects analyzed; median health ${median ?? '–'}. ${bins.filter((b) => b.band === 'poor').reduce((s, b) => s + b.count, 0)} below 50.`;
    return chartFigure({
      title: 'Health distribution',
      summary,
      chart: analyzed === 0 ? nothing : this.renderChart(bins),
      table: analyzed === 0 ? nothing : renderTable(bins, unknown),
    });
  }

  private renderChart(bins: HealthBin[]) {
    const x = scaleBand<number>().domain(bins.map((b) => b.from)).range([M.left, W - M.right]).padding(0.15);
    const y = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.count))]).nice().range([H - M.bottom, M.top]);
    const top = y.domain()[1] ?? 1;
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title summary">
      ${bins.map(
        (b) => svg`<rect class=${`bar-${b.band}`} x=${x(b.from) ?? 0} width=${x.bandwidth()} y=${y(b.count)} height=${Math.max(0, y(0) - y(b.count))}>
          <title>${rangeText(b)}: ${b.count} ${b.count === 1 ? 'project' : 'projects'}</title>
        </rect>`,
      )}
      ${svg`<line class="axis" x1=${M.left} x2=${W - M.right} y1=${y(0)} y2=${y(0)}></line>`}
      ${[0, 50, 100].map((v) => svg`<text x=${v === 100 ? W - M.right : (x(v) ?? 0)} y=${H - 4} text-anchor=${v === 100 ? 'end' : 'start'}>${v}</text>`)}
      ${svg`<text x=${M.left - 4} y=${y(top) + 8} text-anchor="end">${top}</text><text x=${M.left - 4} y=${y(0)} text-anchor="end">0</text>`}
    </svg>`;
  }
}

function rangeText(b: HealthBin): string {
  return `${b.from}–${b.to === 100 ? 100 : b.to - 1}`;
}

function renderTable(bins: HealthBin[], unknown: number) {
  return html`<table>
    <thead><tr><th scope="col">Health</th><th scope="col" class="num">Projects</th><th scope="col">Band</th></tr></thead>
    <tbody>
      ${bins.map((b) => html`<tr><th scope="row">${rangeText(b)}</th><td class="num">${b.count}</td><td>${b.band}</td></tr>`)}
      ${unknown > 0 ? html`<tr><th scope="row">Not analyzed</th><td class="num">${unknown}</td><td></td></tr>` : nothing}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-health-chart': HealthChart;
  }
}
