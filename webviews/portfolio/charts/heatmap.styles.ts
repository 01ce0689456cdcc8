import { css } from 'lit';

/**
 * Five levels of one theme colour: no commits, then four steps of `charts.green` mixed into the background.
 * d3-scale picks the level (heatmapLevels.ts); the colour stays in CSS so a theme change needs no redraw.
 */
export const heatmapStyles = css`
  :host {
    --heat: var(--chart-green);
  }
  .heat-0 { fill: color-mix(in srgb, var(--chart-text) 10%, transparent); }
  .heat-1 { fill: color-mix(in srgb, var(--heat) 35%, transparent); }
  .heat-2 { fill: color-mix(in srgb, var(--heat) 55%, transparent); }
  .heat-3 { fill: color-mix(in srgb, var(--heat) 78%, transparent); }
  .heat-4 { fill: var(--heat); }
  rect.active {
    stroke: var(--vscode-focusBorder);
    stroke-width: 1.5;
  }
  :host-context(body.vscode-high-contrast) rect.cell,
  :host-context(body.vscode-high-contrast-light) rect.cell {
    stroke: var(--vscode-contrastBorder, currentColor);
    stroke-width: 0.5;
  }
  :host-context(body.vscode-high-contrast) rect.active,
  :host-context(body.vscode-high-contrast-light) rect.active {
    stroke: var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));
    stroke-width: 2;
  }
  svg:focus-visible {
    outline: 1px solid var(--vscode-focusBorder);
    outline-offset: 2px;
  }
  .readout {
    min-height: 1.4em;
    margin: 4px 0 0;
  }
  .legend {
    display: flex;
    align-items: center;
    gap: 3px;
    font-size: 0.9em;
  }
  .legend svg {
    width: auto;
    display: inline;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 16px;
  }
  .error {
    color: var(--vscode-errorForeground);
  }
`;
