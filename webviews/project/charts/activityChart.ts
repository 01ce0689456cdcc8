import { scaleBand, scaleLinear } from 'd3-scale';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import { dayText, plural } from '../format';
import type { ActivityView } from '../protocol';
import { activityWeeks, dayMs, type ActivityWeeks } from './activityWeeks';

const W = 900;
const H = 140;
const M = { top: 6, right: 4, bottom: 16, left: 28 };
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The project's commits per week over the last 12 months, with a month-by-month table. */
@customElement('optimus-activity-chart')
export class ActivityChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  @property({ attribute: false }) accessor activity: ActivityView | null = null;
  @property() accessor state: 'loading' | 'ready' | 'none' | 'failed' = 'loading';
  @property({ attribute: false }) accessor error: string | null = null;
  private data: ActivityWeeks | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('activity')) this.data = this.activity ? activityWeeks(this.activity) : null;
  }

  override render() {
    const data = this.data;
    const title = 'Git activity';
    if (!data || this.state === 'none') return chartFigure({ title, summary: this.waitingText(), chart: nothing, table: nothing });
    return chartFigure({
      title,
      summary: summaryOf(data),
      chart: html`${this.renderBars(data)}${this.state === 'failed' ? html`<p class="error">Could not read it again: ${this.error}</p>` : nothing}`,
      table: data.months.length === 0 ? nothing : monthTable(data),
    });
  }

  private waitingText(): string {
    if (this.state === 'none') return 'This project is not a git repository, so there is no commit history to show.';
    if (this.state === 'failed') return `The commit history could not be read: ${this.error ?? 'unknown error'}`;
    return 'Reading the commit history…';
  }

  private renderBars(data: ActivityWeeks) {
    const x = scaleBand<string>().domain(data.weeks.map((w) => w.start)).range([M.left, W - M.right]).padding(0.15);
    const y = scaleLinear().domain([0, Math.max(1, data.busiest?.commits ?? 1)]).nice().range([H - M.bottom, M.top]);
    const top = y.domain()[1] ?? 1;
    const firstOfMonth = data.weeks.filter((w, i) => i === 0 || w.start.slice(0, 7) !== data.weeks[i - 1]?.start.slice(0, 7));
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title summary">
      ${data.weeks.map(
        (w) => svg`<rect class="bar-green" x=${x(w.start) ?? 0} width=${x.bandwidth()} y=${y(w.commits)} height=${Math.max(0, y(0) - y(w.commits))}>
          <title>Week of ${dayText(w.start)}: ${plural(w.commits, 'commit')}</title>
        </rect>`,
      )}
      ${svg`<line class="axis" x1=${M.left} x2=${W - M.right} y1=${y(0)} y2=${y(0)}></line>`}
      ${svg`<text x=${M.left - 4} y=${y(top) + 8} text-anchor="end">${top}</text><text x=${M.left - 4} y=${y(0)} text-anchor="end">0</text>`}
      ${firstOfMonth.filter((_, i) => i % 2 === 0).map((w) => svg`<text x=${x(w.start) ?? 0} y=${H - 4}>${monthFormat.format(dayMs(w.start))}</text>`)}
    </svg>`;
  }
}

function summaryOf(data: ActivityWeeks): string {
  if (data.total === 0 || !data.busiest) return 'No commits in the last 12 months.';
  const active = data.weeks.filter((w) => w.commits > 0).length;
  return `${plural(data.total, 'commit')} in the last 12 months, in ${active} of ${data.weeks.length} weeks; the busiest was the week of ${dayText(data.busiest.start)} with ${data.busiest.commits}.`;
}

function monthTable(data: ActivityWeeks) {
  return html`<table>
    <thead><tr><th scope="col">Month</th><th scope="col" class="num">Commits</th></tr></thead>
    <tbody>
      ${data.months.map((m) => html`<tr><th scope="row">${longMonth.format(dayMs(`${m.month}-01`))}</th><td class="num">${m.commits}</td></tr>`)}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-activity-chart': ActivityChart;
  }
}
