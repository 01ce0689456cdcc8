import { css } from 'lit';

/**
 * The framed chart every panel draws. Chart colours are VS Code's own chart colours (`charts.*`, set by every
 * theme, high contrast included), with the Light+ values as fallbacks for hosts that predate them. SVG takes
 * them through classes: presentation attributes do not resolve CSS variables, and the CSP forbids inline style
 * attributes.
 */
export const chartStyles = css`
  :host {
    display: block;
    --chart-text: var(--vscode-charts-foreground, var(--vscode-foreground));
    --chart-lines: var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
    --chart-blue: var(--vscode-charts-blue, #1a85ff);
    --chart-green: var(--vscode-charts-green, #388a34);
    --chart-yellow: var(--vscode-charts-yellow, #bf8803);
    --chart-orange: var(--vscode-charts-orange, #d18616);
    --chart-red: var(--vscode-charts-red, #e51400);
    --chart-purple: var(--vscode-charts-purple, #652d90);
  }
  figure {
    margin: 0;
    padding: 12px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
    background: var(--vscode-editorWidget-background, transparent);
    height: 100%;
    box-sizing: border-box;
    /* A chart redrawn by a live update repaints itself, not the page around it. */
    contain: content;
  }
  /* Two lines kept for the summary, so a live change of its words rarely changes the chart's height. */
  figcaption .summary {
    margin: 2px 0 8px;
    min-height: 2.8em;
    line-height: 1.4;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  svg text {
    fill: var(--chart-text);
    font-family: var(--vscode-font-family);
    font-size: 10px;
  }
  .axis {
    stroke: var(--chart-lines);
    stroke-width: 1;
  }
  .line {
    fill: none;
    stroke-width: 2;
  }
  .line-blue { stroke: var(--chart-blue); }
  .line-orange { stroke: var(--chart-orange); }
  .line-purple { stroke: var(--chart-purple); }
  .bar, .bar-blue, .dot-blue, .swatch-blue { fill: var(--chart-blue); }
  .bar-green, .bar-good { fill: var(--chart-green); }
  .bar-yellow, .bar-fair { fill: var(--chart-yellow); }
  .bar-orange, .dot-orange, .swatch-orange { fill: var(--chart-orange); }
  .bar-red, .bar-poor { fill: var(--chart-red); }
  .bar-purple { fill: var(--chart-purple); }
  .bar-muted { fill: var(--chart-lines); }
  /* High contrast themes draw shapes with borders, not only fills. */
  :host-context(body.vscode-high-contrast) rect[class^='bar'],
  :host-context(body.vscode-high-contrast-light) rect[class^='bar'] {
    stroke: var(--vscode-contrastBorder, currentColor);
    stroke-width: 1;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .legend svg {
    display: inline;
    width: 10px;
    height: 10px;
    margin-inline-end: 4px;
    vertical-align: -1px;
  }
  .empty {
    margin: 16px 0;
  }
  details {
    margin-top: 8px;
  }
  summary {
    cursor: pointer;
    color: var(--vscode-textLink-foreground);
  }
  table {
    border-collapse: collapse;
    margin-top: 6px;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    padding: 2px 12px 2px 0;
    border-bottom: 1px solid var(--chart-lines);
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .error {
    color: var(--vscode-errorForeground);
  }
`;
