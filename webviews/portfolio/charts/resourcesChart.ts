import { scaleBand, scaleLinear } from 'd3-scale';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import type { ProjectCard } from '../protocol';
import { formatBytes, formatCpu, resourceRows, TOP_RUNNING, type ResourceRow } from './resourceRows';

const W = 300;
const ROW = 18;
const HEAD = 14;
const NAME = 86;
/** Each measure gets half of what the names leave. */
const CPU_X = NAME;
const MEM_X = NAME + (W - NAME) / 2 + 4;
const BAR_W = (W - NAME) / 2 - 36;

/** CPU and memory of the running projects, side by side per project, the busiest first. */
@customElement('optimus-resources-chart')
export class ResourcesChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  @property({ attribute: false }) accessor cards: readonly ProjectCard[] = [];
  private rows: ResourceRow[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('cards')) this.rows = resourceRows(this.cards);
  }

  override render() {
    const rows = this.rows;
    const cpu = rows.reduce((s, r) => s + r.cpuPercent, 0);
    const memory = rows.reduce((s, r) => s + r.memoryBytes, 0);
    const summary =
      rows.length === 0
        ? 'Nothing is running.'
        : `${rows.length} ${rows.length === 1 ? 'project runs' : 'projects run'}, using ${formatCpu(cpu)} CPU and ${formatBytes(memory)} of memory in all; ${rows[0]?.name} uses the most CPU.`;
    return chartFigure({
      title: 'Running resources',
      summary,
      chart: rows.length === 0 ? nothing : this.renderChart(rows.slice(0, TOP_RUNNING)),
      table: rows.length === 0 ? nothing : renderTable(rows),
    });
  }

  private renderChart(rows: ResourceRow[]) {
    // Always as tall as the most rows it draws: a project starting or stopping must not move the page below.
    const height = HEAD + TOP_RUNNING * ROW;
    const y = scaleBand<string>().domain(rows.map((r) => r.path)).range([HEAD, HEAD + rows.length * ROW]).padding(0.25);
    // At least one core's worth, so one idle project does not fill the width.
    const cpuX = scaleLinear().domain([0, Math.max(100, ...rows.map((r) => r.cpuPercent))]).range([0, BAR_W]);
    const memX = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => r.memoryBytes))]).range([0, BAR_W]);
    return html`<svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="title summary">
      ${svg`<text x=${CPU_X} y="9">CPU</text><text x=${MEM_X} y="9">Memory</text>`}
      ${rows.map((r) => {
        const top = y(r.path) ?? 0;
        const mid = top + y.bandwidth() / 2 + 3.5;
        return svg`<text x=${NAME - 6} y=${mid} text-anchor="end">${clip(r.name)}</text>
          <rect class="bar-blue" x=${CPU_X} y=${top} height=${y.bandwidth()} width=${Math.max(1, cpuX(r.cpuPercent))}><title>${r.name}: ${formatCpu(r.cpuPercent)} CPU</title></rect>
          <text x=${CPU_X + Math.max(1, cpuX(r.cpuPercent)) + 3} y=${mid}>${formatCpu(r.cpuPercent)}</text>
          <rect class="bar-purple" x=${MEM_X} y=${top} height=${y.bandwidth()} width=${Math.max(1, memX(r.memoryBytes))}><title>${r.name}: ${formatBytes(r.memoryBytes)}</title></rect>
          <text x=${MEM_X + Math.max(1, memX(r.memoryBytes)) + 3} y=${mid}>${formatBytes(r.memoryBytes)}</text>`;
      })}
    </svg>`;
  }
}

/** SVG text does not wrap or ellipsize: a long name is cut so it stays left of its bars. */
function clip(name: string): string {
  return name.length > 14 ? `${name.slice(0, 13)}…` : name;
}

function renderTable(rows: ResourceRow[]) {
  return html`<table>
    <thead><tr><th scope="col">Project</th><th scope="col" class="num">CPU</th><th scope="col" class="num">Memory</th><th scope="col">Ports</th></tr></thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr><th scope="row">${r.name}</th><td class="num">${formatCpu(r.cpuPercent)}</td><td class="num">${formatBytes(r.memoryBytes)}</td><td>${r.ports.map((p) => `:${p}`).join(' ')}</td></tr>`,
      )}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-resources-chart': ResourcesChart;
  }
}
