import { css } from 'lit';

export const cardGridStyles = css`
  :host {
    display: block;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15.5em, 1fr));
    gap: 8px;
  }
  /*
   * Cards out of view are kept in the DOM (for find, screen readers and Tab) but skipped by style, layout and
   * paint until scrolled near: the browser's own virtualisation. The intrinsic size keeps the scrollbar honest.
   */
  .cell {
    display: flex;
    content-visibility: auto;
    contain-intrinsic-size: auto 7.5em;
  }
  button.card {
    flex: 1;
    display: grid;
    gap: 4px;
    align-content: start;
    padding: 8px 10px;
    text-align: start;
    font: inherit;
    color: inherit;
    background: var(--vscode-editorWidget-background, transparent);
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
    cursor: pointer;
    min-width: 0;
  }
  button.card:hover {
    background: var(--vscode-list-hoverBackground);
    border-color: var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));
  }
  button.card:focus-visible {
    outline: 1px solid var(--vscode-focusBorder);
    outline-offset: -1px;
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: 6px;
    min-width: 0;
  }
  .name {
    min-width: 0;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .parent {
    font-size: 0.85em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    /* The name gives way first; the monorepo keeps enough to show it is there (its title has the rest). */
    flex: 0 1000 auto;
    min-width: 3em;
  }
  .foot {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    font-size: 0.9em;
    min-width: 0;
  }
  /* Both give way on a narrow card, the branch keeping a few letters. */
  .git {
    flex: 0 1 auto;
    min-width: 4em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .usage {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .run {
    margin-inline-start: auto;
    font-size: 0.85em;
    white-space: nowrap;
    color: var(--vscode-descriptionForeground);
  }
  /* The state's dot is drawn by CSS: one element less per card. */
  .run::before {
    content: '';
    display: inline-block;
    width: 7px;
    height: 7px;
    border-radius: 50%;
    margin-inline-end: 4px;
    border: 1px solid var(--vscode-descriptionForeground);
    vertical-align: 1px;
  }
  .run.running {
    color: var(--vscode-foreground);
  }
  .run.running::before {
    background: var(--vscode-charts-green, #388a34);
    border-color: var(--vscode-charts-green, #388a34);
  }
  .run.crashed {
    color: var(--vscode-errorForeground);
  }
  .run.crashed::before {
    background: var(--vscode-errorForeground);
    border-color: var(--vscode-errorForeground);
  }
  .stack {
    display: flex;
    flex-wrap: wrap;
    gap: 3px;
    min-height: 1.3em;
  }
  .tag {
    font-size: 0.8em;
    line-height: 1.4;
    padding: 0 4px;
    border-radius: 3px;
    border: 1px solid var(--tag, var(--vscode-descriptionForeground));
    color: var(--vscode-foreground);
  }
  .tag.language {
    background: color-mix(in srgb, var(--tag, transparent) 22%, transparent);
  }
  .hue-blue { --tag: var(--vscode-charts-blue, #1a85ff); }
  .hue-yellow { --tag: var(--vscode-charts-yellow, #bf8803); }
  .hue-green { --tag: var(--vscode-charts-green, #388a34); }
  .hue-orange { --tag: var(--vscode-charts-orange, #d18616); }
  .hue-purple { --tag: var(--vscode-charts-purple, #652d90); }
  .hue-red { --tag: var(--vscode-charts-red, #e51400); }
  .facts {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 0.9em;
  }
  /* Colours mark the band on the glyph and the border only: chart yellow on a light theme is too faint for text. */
  .health {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .health::before {
    content: '♥ ';
    color: var(--band, var(--vscode-descriptionForeground));
  }
  .good {
    --band: var(--vscode-charts-green, #388a34);
  }
  .fair {
    --band: var(--vscode-charts-yellow, #bf8803);
  }
  .poor {
    --band: var(--vscode-charts-red, #e51400);
  }
  .debt {
    font-weight: 600;
    padding: 0 5px;
    border-radius: 3px;
    border: 1px solid var(--band, currentColor);
  }
  .when {
    margin-inline-start: auto;
    white-space: nowrap;
  }
`;
