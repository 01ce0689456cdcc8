import { css } from 'lit';

/**
 * VS Code's chart colours (`charts.*`, set by every theme, high contrast included), with the Light+ values as
 * fallbacks. SVG takes them through classes: presentation attributes do not resolve CSS variables, and the CSP
 * forbids inline style attributes.
 */
export const usageChartStyles = css`
  :host {
    display: block;
    min-width: 0;
    --usage-colour: var(--vscode-charts-blue, #1a85ff);
    --usage-lines: var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
  }
  :host([kind='memory']) {
    --usage-colour: var(--vscode-charts-purple, #652d90);
  }
  .metric {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    font-size: 0.9em;
  }
  .value {
    font-variant-numeric: tabular-nums;
  }
  svg {
    display: block;
    width: 100%;
    height: 36px;
    border-bottom: 1px solid var(--usage-lines);
    /* A chart redrawn by a live update repaints itself, not the row around it. */
    contain: strict;
  }
  .area {
    fill: var(--usage-colour);
    fill-opacity: 0.25;
  }
  .line {
    fill: none;
    stroke: var(--usage-colour);
    stroke-width: 1.5;
  }
  /* High contrast themes draw with solid lines, not tints. */
  :host-context(body.vscode-high-contrast) .area,
  :host-context(body.vscode-high-contrast-light) .area {
    fill-opacity: 0;
  }
  :host-context(body.vscode-high-contrast) .line,
  :host-context(body.vscode-high-contrast-light) .line {
    stroke-width: 2;
  }
`;
