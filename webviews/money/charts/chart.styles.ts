import { css } from 'lit';

/**
 * Chart colours are VS Code's own (`charts.*`, set by every theme, high contrast included), with the Light+
 * values as fallbacks. SVG takes them through classes: presentation attributes do not resolve CSS variables,
 * and the CSP forbids inline style attributes.
 */
export const chartStyles = css`
  :host {
    display: block;
    --chart-text: var(--vscode-charts-foreground, var(--vscode-foreground));
    --chart-lines: var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
    --chart-bar: var(--vscode-charts-blue, #1a85ff);
  }
  figure {
    margin: 0;
  }
  figcaption .summary {
    margin: 2px 0 8px;
    line-height: 1.4;
  }
  svg {
    display: block;
    width: 100%;
    max-width: 720px;
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
  .bar {
    fill: var(--chart-bar);
  }
  /* High contrast themes draw shapes with borders, not only fills. */
  :host-context(body.vscode-high-contrast) .bar,
  :host-context(body.vscode-high-contrast-light) .bar {
    stroke: var(--vscode-contrastBorder, currentColor);
    stroke-width: 1;
  }
`;
