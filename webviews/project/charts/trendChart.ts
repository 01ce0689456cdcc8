import { extent } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import type { TrendPoint } from '../detailView';
import { dayText, debtText, plural } from '../format';

const W = 900;
const H = 220;
const M = { top: 10, right: 44, bottom: 20, left: 28 };
const DAY_MS = 24 * 60 * 60 * 1000;
/** Past this many analyses the dots would merge into the line. */
const DOTS_UP_TO = 60;

/** Health (left axis, out of 100) and debt (right axis, in time to fix) at each analysis, oldest on the left. */
@customElement('optimus-trend-chart')
export class TrendChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  @property({ attribute: false }) accessor points: readonly TrendPoint[] = [];

  override render() {
    const points = this.points;
    return chartFigure({
      title: 'Health and debt over time',
      summary: trendSummary(points),
      chart: points.length === 0 ? nothing : html`${this.renderChart(points)}${legend()}`,
      table: points.length === 0 ? nothing : renderTable(points),
    });
  }

  private renderChart(points: readonly TrendPoint[]) {
    const times = points.map((p) => Date.parse(p.at));
    const [first = 0, last = 0] = extent(times);
    // One analysis is a dot in the middle of a two-day window, not a chart without width.
    const domain = first === last ? [first - DAY_MS, last + DAY_MS] : [first, last];
    const x = scaleUtc().domain(domain).range([M.left, W - M.right]);
    const health = scaleLinear().domain([0, 100]).range([H - M.bottom, M.top]);
    const debtTop = Math.max(60, ...points.map((p) => p.debtMinutes));
    const debt = scaleLinear().domain([0, debtTop]).nice().range([H - M.bottom, M.top]);
    const at = (i: number) => x(times[i] ?? 0);
    const healthPath = line<TrendPoint>().x((_, i) => at(i)).y((p) => health(p.health))(points) ?? '';
    const debtPath = line<TrendPoint>().x((_, i) => at(i)).y((p) => debt(p.debtMinutes))(points) ?? '';
    const top = debt.domain()[1] ?? debtTop;
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title summary">
      ${[0, 50, 100].map((v) => svg`<line class="axis" x1=${M.left} x2=${W - M.right} y1=${health(v)} y2=${health(v)}></line>
        <text x=${M.left - 4} y=${health(v) + 3} text-anchor="end">${v}</text>`)}
      ${svg`<text x=${W - M.right + 4} y=${debt(top) + 3}>${debtText(top)}</text><text x=${W - M.right + 4} y=${debt(0) + 3}>0</text>`}
      ${svg`<path class="line line-orange" d=${debtPath}></path><path class="line line-blue" d=${healthPath}></path>`}
      ${points.length <= DOTS_UP_TO
        ? points.map(
            (p, i) => svg`<circle class="dot-orange" cx=${at(i)} cy=${debt(p.debtMinutes)} r="2.5"><title>${dayText(p.at)}: debt ${p.debtRating} (${debtText(p.debtMinutes)})</title></circle>
              <circle class="dot-blue" cx=${at(i)} cy=${health(p.health)} r="3"><title>${dayText(p.at)}: health ${p.health}</title></circle>`,
          )
        : nothing}
      ${svg`<text x=${M.left} y=${H - 4}>${dayText(new Date(domain[0] ?? 0).toISOString())}</text>
        <text x=${W - M.right} y=${H - 4} text-anchor="end">${dayText(new Date(domain[1] ?? 0).toISOString())}</text>`}
    </svg>`;
  }
}

function legend() {
  const swatch = (colour: string) => html`<svg viewBox="0 0 10 10" aria-hidden="true"><rect class="swatch-${colour}" width="10" height="10" rx="2"></rect></svg>`;
  return html`<ul class="legend" aria-hidden="true">
    <li>${swatch('blue')}Health (left, out of 100)</li>
    <li>${swatch('orange')}Debt, time to fix (right)</li>
  </ul>`;
}

/** "Health 72, up 5 since 3 Jan 2025; debt C (12 h), 2 h less. 8 analyses." */
export function trendSummary(points: readonly TrendPoint[]): string {
  const last = points.at(-1);
  const first = points[0];
  if (!last || !first) return 'No history is stored for this project yet: each analysis adds a point.';
  const now = `health ${last.health}, debt ${last.debtRating} (${debtText(last.debtMinutes)})`;
  if (points.length === 1) return `One analysis so far, on ${dayText(last.at)}: ${now}.`;
  const dh = last.health - first.health;
  const dd = last.debtMinutes - first.debtMinutes;
  const healthChange = dh === 0 ? 'unchanged' : `${dh > 0 ? 'up' : 'down'} ${Math.abs(dh)}`;
  const debtChange = dd === 0 ? 'unchanged' : `${debtText(Math.abs(dd))} ${dd > 0 ? 'more' : 'less'}`;
  return `Health ${last.health} (${healthChange} since ${dayText(first.at)}), debt ${last.debtRating} (${debtText(last.debtMinutes)}, ${debtChange}) over ${plural(points.length, 'analysis', 'analyses')}.`;
}

function renderTable(points: readonly TrendPoint[]) {
  return html`<table>
    <thead><tr><th scope="col">Analyzed</th><th scope="col" class="num">Health</th><th scope="col">Debt</th><th scope="col" class="num">Time to fix</th><th scope="col" class="num">Lines</th></tr></thead>
    <tbody>
      ${[...points].reverse().map((p) => html`<tr><th scope="row">${dayText(p.at)}</th><td class="num">${p.health}</td><td>${p.debtRating}</td><td class="num">${debtText(p.debtMinutes)}</td><td class="num">${p.loc}</td></tr>`)}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-trend-chart': TrendChart;
  }
}
