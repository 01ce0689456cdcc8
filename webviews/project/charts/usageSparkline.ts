import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { themeStyles } from '../../shared/theme.styles';
import { formatBytes, formatCpu } from '../format';
import type { UsageSample } from '../protocol';

const W = 160;
const H = 32;

interface Measure {
  name: string;
  colour: 'blue' | 'purple';
  value: (s: UsageSample) => number;
  text: (n: number) => string;
  /** The least the axis reaches, so an idle process does not look busy. */
  floor: number;
}

const MEASURES: Measure[] = [
  { name: 'CPU', colour: 'blue', value: (s) => s.cpuPercent, text: formatCpu, floor: 100 },
  { name: 'Memory', colour: 'purple', value: (s) => s.memoryBytes, text: formatBytes, floor: 64 * 1024 * 1024 },
];

/** CPU and memory of the running project over its last samples, newest on the right, with the latest values. */
@customElement('optimus-usage-sparkline')
export class UsageSparkline extends LitElement {
  static override styles = [
    themeStyles,
    chartStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 24px;
      }
      .measure {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      svg {
        width: ${W}px;
        height: ${H}px;
      }
      .fill-blue { fill: color-mix(in srgb, var(--chart-blue) 20%, transparent); }
      .fill-purple { fill: color-mix(in srgb, var(--chart-purple) 20%, transparent); }
      .value {
        font-variant-numeric: tabular-nums;
        min-width: 5em;
      }
    `,
  ];

  @property({ attribute: false }) accessor samples: readonly UsageSample[] = [];

  override render() {
    const samples = this.samples;
    if (samples.length === 0) return html`<span class="muted">Waiting for the first sample…</span>`;
    return MEASURES.map((m) => this.renderMeasure(m, samples));
  }

  private renderMeasure(m: Measure, samples: readonly UsageSample[]) {
    const values = samples.map(m.value);
    const latest = values.at(-1) ?? 0;
    const peak = Math.max(...values);
    const first = samples[0]?.at ?? 0;
    const last = samples.at(-1)?.at ?? first;
    const x = scaleLinear().domain([first, Math.max(last, first + 1)]).range([0, W]);
    const y = scaleLinear().domain([0, Math.max(m.floor, peak)]).range([H - 1, 1]);
    const seconds = Math.round((last - first) / 1000);
    const label = `${m.name} over the last ${seconds} seconds: now ${m.text(latest)}, peak ${m.text(peak)}`;
    const path = line<UsageSample>().x((s) => x(s.at)).y((s) => y(m.value(s)))(samples) ?? '';
    const fill = area<UsageSample>().x((s) => x(s.at)).y0(H - 1).y1((s) => y(m.value(s)))(samples) ?? '';
    return html`<div class="measure">
      <span>${m.name}</span>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
        ${samples.length > 1 ? svg`<path class="fill-${m.colour}" d=${fill}></path><path class="line line-${m.colour}" d=${path}></path>` : nothing}
      </svg>
      <span class="value">${m.text(latest)}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-usage-sparkline': UsageSparkline;
  }
}
