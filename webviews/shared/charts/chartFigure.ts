import { html, nothing, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';

export interface ChartParts {
  title: string;
  /** One or two sentences saying what the chart shows: its screen-reader description and the visible caption. */
  summary: string;
  /** The SVG (and what goes with it), or nothing when there is no data (the summary then says so). */
  chart: TemplateResult | typeof nothing;
  /** The same data as a table, for screen readers and anyone who would rather read numbers. */
  table: TemplateResult | DirectiveResult | typeof nothing;
  /** Told when the table is shown or hidden, for a table drawn only while shown. */
  onToggle?: (open: boolean) => void;
}

/**
 * The frame every chart of every panel shares: a heading, the summary (the SVG is described by both), the chart,
 * and its data as a table behind a disclosure. Ids are scoped by each chart's shadow root.
 */
export function chartFigure(parts: ChartParts): TemplateResult {
  return html`<figure aria-labelledby="title">
    <figcaption>
      <h3 id="title">${parts.title}</h3>
      <p id="summary" class="summary muted">${parts.summary}</p>
    </figcaption>
    ${parts.chart}
    ${parts.table === nothing
      ? nothing
      : html`<details @toggle=${(e: Event) => parts.onToggle?.((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>Show ${parts.title.toLowerCase()} as a table</summary>
          ${parts.table}
        </details>`}
  </figure>`;
}
