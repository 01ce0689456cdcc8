import { css } from 'lit';

/**
 * Five complexity bands from the theme's chart colours, green to red. A tile is its band's colour mixed into the
 * editor background, so the file names drawn on it keep the theme's text colour readable; the legend shows
 * the colours themselves.
 */
export const treemapStyles = css`
  .cx-1 { --cx: var(--chart-green); }
  .cx-2 { --cx: color-mix(in srgb, var(--chart-green) 50%, var(--chart-yellow)); }
  .cx-3 { --cx: var(--chart-yellow); }
  .cx-4 { --cx: var(--chart-orange); }
  .cx-5 { --cx: var(--chart-red); }
  rect.tile {
    fill: color-mix(in srgb, var(--cx) 55%, var(--vscode-editor-background, transparent));
    stroke: none;
    cursor: pointer;
    outline: none;
  }
  rect.tile[aria-disabled='true'] {
    cursor: default;
  }
  rect.tile:hover {
    fill: var(--cx);
  }
  rect.tile:focus-visible,
  rect.tile.active:focus {
    stroke: var(--vscode-focusBorder);
    stroke-width: 2;
  }
  rect.folder {
    fill: none;
    stroke: var(--chart-lines);
    stroke-width: 1;
    pointer-events: none;
  }
  text.label {
    pointer-events: none;
    font-size: 9px;
  }
  .swatch {
    fill: var(--cx);
  }
  :host-context(body.vscode-high-contrast) rect.tile,
  :host-context(body.vscode-high-contrast-light) rect.tile {
    stroke: var(--vscode-contrastBorder, currentColor);
    stroke-width: 0.5;
  }
  :host-context(body.vscode-high-contrast) rect.tile:focus-visible,
  :host-context(body.vscode-high-contrast-light) rect.tile:focus-visible,
  :host-context(body.vscode-high-contrast) rect.tile.active:focus,
  :host-context(body.vscode-high-contrast-light) rect.tile.active:focus {
    stroke: var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));
    stroke-width: 2.5;
  }
  .readout {
    min-height: 1.4em;
    margin: 4px 0 0;
    overflow-wrap: anywhere;
  }
  .scroll {
    max-height: 320px;
    overflow: auto;
  }
`;
