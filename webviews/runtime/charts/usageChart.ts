import { html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../../shared/theme.styles';
import { formatBytes, formatCpu, spanText } from '../format';
import type { UsageSample } from '../protocol';
import { usageChartStyles } from './usageChart.styles';
import { usageSeries, type ChartBox } from './usageSeries';

export type UsageKind = 'cpu' | 'memory';

/** Drawn in these units and stretched to the row's width; the line keeps its width (non-scaling stroke). */
const BOX: ChartBox = { width: 240, height: 36 };

const KINDS: Record<UsageKind, { label: string; value: (s: UsageSample) => number; format: (n: number) => string; floor: number }> = {
  // A tenth of a core at least, so an idle project's jitter stays near the bottom.
  cpu: { label: 'CPU', value: (s) => s.cpuPercent, format: formatCpu, floor: 10 },
  memory: { label: 'Memory', value: (s) => s.memoryBytes, format: formatBytes, floor: 16 * 1024 * 1024 },
};

/** One project's CPU or memory over the window, as a step area with its latest value above it. */
@customElement('optimus-usage-chart')
export class UsageChart extends LitElement {
  static override styles = [themeStyles, usageChartStyles];

  @property({ reflect: true }) accessor kind: UsageKind = 'cpu';
  /** The project's name, for the chart's spoken summary. */
  @property({ attribute: false }) accessor name = '';
  /** The figure now, as the project's row says it: the label and summary show it even before a sample. */
  @property({ attribute: false }) accessor current = 0;
  @property({ attribute: false }) accessor samples: readonly UsageSample[] = [];
  /** The newest sample's time across projects: every chart ends there. */
  @property({ attribute: false }) accessor end = 0;
  @property({ attribute: false }) accessor windowMs = 600_000;

  override render() {
    const kind = KINDS[this.kind];
    const s = usageSeries(this.samples, kind.value, this.end, this.windowMs, BOX, kind.floor);
    const now = kind.format(this.current);
    const summary =
      s.peak === null
        ? `${kind.label} of ${this.name}: now ${now}`
        : `${kind.label} of ${this.name} over the last ${spanText(this.windowMs)}: now ${now}, highest ${kind.format(Math.max(s.peak, this.current))}`;
    return html`<div class="metric" aria-hidden="true"><span class="label muted">${kind.label}</span><span class="value">${now}</span></div>
      <svg viewBox="0 0 ${BOX.width} ${BOX.height}" preserveAspectRatio="none" role="img" aria-label=${summary}>
        ${s.line === '' ? nothing : svg`<path class="area" d=${s.area}></path><path class="line" d=${s.line} vector-effect="non-scaling-stroke"></path>`}
      </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-usage-chart': UsageChart;
  }
}
