import { scaleBand, scaleLinear } from 'd3-scale';
import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { themeStyles } from '../../shared/theme.styles';
import { hours, monthLabel } from '../format';
import { monthIndex, type MonthHours } from '../moneyInfo';
import { sectionStyles } from '../section.styles';
import { CHART_MONTHS, monthSeries, type MonthSeries } from './monthSeries';

const W = 600;
const H = 160;
const M = { top: 10, right: 4, bottom: 20, left: 36 };

/**
 * Hours worked per month, from the commit history. The SVG is one image to a screen reader, described by the
 * summary; the numbers behind every bar are in a table only screen readers see.
 */
@customElement('optimus-hours-chart')
export class HoursChart extends LitElement {
  static override styles = [themeStyles, sectionStyles, chartStyles, css`
    svg {
      max-width: 720px;
    }
  `];

  @property({ attribute: false }) accessor byMonth: readonly MonthHours[] = [];
  private series: MonthSeries = monthSeries([]);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('byMonth')) this.series = monthSeries(this.byMonth);
  }

  override render() {
    const s = this.series;
    const summary = summaryOf(s);
    return html`<figure class="frame" aria-labelledby="title">
      <figcaption>
        <h3 id="title">Hours by month</h3>
        <p class="summary muted">${summary}</p>
      </figcaption>
      ${s.drawn.length === 0 ? nothing : this.renderBars(s.drawn, summary)} ${s.months.length === 0 ? nothing : renderTable(s.months)}
    </figure>`;
  }

  private renderBars(months: MonthHours[], summary: string) {
    const x = scaleBand<string>().domain(months.map((m) => m.month)).range([M.left, W - M.right]).padding(0.2);
    const y = scaleLinear().domain([0, Math.max(1, ...months.map((m) => m.hours))]).nice().range([H - M.bottom, M.top]);
    const top = y.domain()[1] ?? 1;
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${summary}>
      ${months.map(
        (m) => svg`<rect class="bar" data-month=${m.month} x=${x(m.month) ?? 0} width=${x.bandwidth()} y=${y(m.hours)} height=${Math.max(0, y(0) - y(m.hours))}>
          <title>${monthLabel(m.month)}: ${hours(m.hours)}</title>
        </rect>`,
      )}
      ${svg`<line class="axis" x1=${M.left} x2=${W - M.right} y1=${y(0)} y2=${y(0)}></line>`}
      ${axisMonths(months).map((m) => svg`<text x=${(x(m) ?? 0) + x.bandwidth() / 2} y=${H - 6} text-anchor="middle">${axisLabel(m, months.length)}</text>`)}
      ${svg`<text x=${M.left - 4} y=${y(top) + 4} text-anchor="end">${top} h</text><text x=${M.left - 4} y=${y(0)} text-anchor="end">0</text>`}
    </svg>`;
  }
}

/** Every month when there are few; otherwise each January, and the first month when it is not close to one. */
function axisMonths(months: MonthHours[]): string[] {
  if (months.length <= 12) return months.map((m) => m.month);
  const januaries = months.filter((m) => m.month.endsWith('-01')).map((m) => m.month);
  const first = months[0]?.month ?? '';
  const firstJanuary = januaries[0];
  return firstJanuary !== undefined && monthIndex(firstJanuary) - monthIndex(first) < 4 ? januaries : [first, ...januaries];
}

function axisLabel(month: string, shown: number): string {
  return shown <= 12 ? monthLabel(month).split(' ')[0] ?? month : month.slice(0, 4);
}

function summaryOf(s: MonthSeries): string {
  const first = s.months[0];
  const last = s.months[s.months.length - 1];
  if (!first || !last || !s.busiest) return 'No hours to chart: no commits were counted.';
  const span = first === last ? `in ${monthLabel(first.month)}` : `from ${monthLabel(first.month)} to ${monthLabel(last.month)}`;
  const drawn = s.months.length > CHART_MONTHS ? ` The chart shows the last ${CHART_MONTHS} of ${s.months.length} months.` : '';
  return `${hours(s.total)} ${span}; the busiest month was ${monthLabel(s.busiest.month)} with ${hours(s.busiest.hours)}.${drawn}`;
}

function renderTable(months: MonthHours[]) {
  return html`<table class="visually-hidden">
    <caption>Hours by month</caption>
    <thead><tr><th scope="col">Month</th><th scope="col" class="num">Hours</th></tr></thead>
    <tbody>
      ${months.map((m) => html`<tr><th scope="row">${monthLabel(m.month)}</th><td class="num">${hours(m.hours)}</td></tr>`)}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-hours-chart': HoursChart;
  }
}
