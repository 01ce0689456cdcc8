import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import type { PortfolioActivity, ProjectCard } from '../protocol';
import { heatmapStyles } from './heatmap.styles';
import { heatmapTable } from './heatmapTable';
import { dayLabel, heatmapLayout, type HeatmapLayout } from './heatmapLayout';
import { LEVELS, levelScale } from './heatmapLevels';

const STEP = 12;
const CELL = 10;
const LEFT = 26;
const TOP = 14;
/** Arrow keys follow the grid: columns are weeks, rows are days of the week. */
const MOVES: Record<string, number> = { ArrowLeft: -7, ArrowRight: 7, ArrowUp: -1, ArrowDown: 1, PageUp: -28, PageDown: 28 };

/**
 * Commits per day across every project over the last 12 months: a week per column, a day per row. The days
 * are one tab stop; the arrow keys move between them and the readout below says the day and its count.
 */
@customElement('optimus-activity-heatmap')
export class ActivityHeatmap extends LitElement {
  static override styles = [themeStyles, chartStyles, heatmapStyles];

  @property({ attribute: false }) accessor activity: PortfolioActivity | null = null;
  @property({ attribute: false }) accessor error: string | null = null;
  /** For the names in the table of the most active projects. */
  @property({ attribute: false }) accessor cards: readonly ProjectCard[] = [];
  /** The day the keyboard (or pointer) is on, as an index into the cells. */
  @state() private accessor active = -1;
  private layout: HeatmapLayout | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('activity')) return;
    this.layout = this.activity ? heatmapLayout(this.activity) : null;
    this.active = (this.layout?.cells.length ?? 0) - 1;
  }

  override render() {
    const layout = this.layout;
    const activity = this.activity;
    if (!layout || !activity) {
      const summary = this.error ? `The commit history could not be read: ${this.error}` : 'Reading the commit history of every repository…';
      return chartFigure({ title: 'Commit activity', summary, chart: nothing, table: nothing });
    }
    return chartFigure({
      title: 'Commit activity',
      summary: summaryOf(layout, activity),
      chart: html`${this.renderGrid(layout)}
        <div class="footer">
          <p id="readout" class="readout" aria-live="polite">${this.readout(layout)}</p>
          ${legend()}
        </div>
        ${this.error ? html`<p class="error">Could not read it again: ${this.error}</p>` : nothing}`,
      table: guard([layout, this.cards], () => heatmapTable(layout, activity, this.cards)),
    });
  }

  private renderGrid(layout: HeatmapLayout) {
    const width = LEFT + layout.weeks * STEP;
    const height = TOP + 7 * STEP;
    return html`<svg
      viewBox="0 0 ${width} ${height}"
      tabindex="0"
      role="group"
      aria-roledescription="heatmap"
      aria-label="Commits per day over the last 12 months. Arrow keys move between days."
      aria-describedby="readout"
      @keydown=${this.onKeyDown}
      @pointerover=${this.onPointer}
    >
      ${guard([layout], () => cells(layout))}
      ${this.renderActive(layout)}
      ${layout.monthStarts.map((m) => svg`<text x=${LEFT + m.week * STEP} y="9">${m.label}</text>`)}
      ${[1, 3, 5].map((d) => svg`<text x=${LEFT - 4} y=${TOP + d * STEP + CELL - 1} text-anchor="end">${WEEKDAYS[d]}</text>`)}
    </svg>`;
  }

  /** The outline of the active day, drawn over the cells so the 366 of them are not redrawn on each key press. */
  private renderActive(layout: HeatmapLayout) {
    const c = layout.cells[this.active];
    if (!c) return nothing;
    return svg`<rect class="active" fill="none" x=${LEFT + c.week * STEP} y=${TOP + c.weekday * STEP} width=${CELL} height=${CELL} rx="2"></rect>`;
  }

  private readout(layout: HeatmapLayout): string {
    const c = layout.cells[this.active];
    if (!c) return '';
    return `${dayLabel(c.date)}: ${c.commits === 0 ? 'no commits' : `${c.commits} ${c.commits === 1 ? 'commit' : 'commits'}`}`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.layout?.cells.length ?? 0;
    const move = MOVES[event.key];
    let next: number | undefined;
    if (move !== undefined) next = this.active + move;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === undefined || count === 0) return;
    event.preventDefault();
    this.active = Math.min(count - 1, Math.max(0, next));
  }

  private onPointer(event: PointerEvent): void {
    const index = (event.target as Element).getAttribute('data-i');
    if (index !== null) this.active = Number(index);
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function cells(layout: HeatmapLayout) {
  const level = levelScale(layout.max);
  return layout.cells.map(
    (c, i) => svg`<rect class="cell ${level(c.commits)}" data-i=${i} x=${LEFT + c.week * STEP} y=${TOP + c.weekday * STEP} width=${CELL} height=${CELL} rx="2"></rect>`,
  );
}

function legend() {
  return html`<span class="legend muted" aria-hidden="true"
    >Less
    <svg viewBox="0 0 ${5 * STEP} ${CELL}" width=${5 * STEP} height=${CELL}>
      ${['heat-0', ...LEVELS].map((l, i) => svg`<rect class="cell ${l}" x=${i * STEP} y="0" width=${CELL} height=${CELL} rx="2"></rect>`)}
    </svg>
    More</span
  >`;
}

function summaryOf(layout: HeatmapLayout, activity: PortfolioActivity): string {
  const busiest = layout.cells.reduce((b, c) => (c.commits > b.commits ? c : b), layout.cells[0] ?? { date: activity.to, commits: 0 });
  const projects = activity.byProject.filter((p) => p.commits > 0).length;
  const failed = activity.failed > 0 ? ` ${activity.failed} ${activity.failed === 1 ? 'repository' : 'repositories'} could not be read.` : '';
  if (layout.total === 0) return `No commits in the last 12 months.${failed}`;
  return `${layout.total} commits in the last 12 months across ${projects} ${projects === 1 ? 'project' : 'projects'}; the busiest day was ${dayLabel(busiest.date)} with ${busiest.commits}.${failed}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-activity-heatmap': ActivityHeatmap;
  }
}
