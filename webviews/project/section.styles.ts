import { css } from 'lit';

/** The frame and tables of the page's list sections (functions, findings, dependencies, notes). */
export const sectionStyles = css`
  :host {
    display: block;
  }
  section {
    padding: 12px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
    background: var(--vscode-editorWidget-background, transparent);
  }
  .summary {
    margin: 2px 0 8px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    padding: 3px 12px 3px 0;
    border-bottom: 1px solid var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    font-weight: 600;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    margin-inline-end: 4px;
    border-radius: 8px;
    font-size: 0.9em;
    border: 1px solid transparent;
  }
  .badge.vulnerable {
    color: var(--vscode-errorForeground);
    border-color: var(--vscode-errorForeground);
  }
  .badge.outdated {
    color: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow, #bf8803));
    border-color: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow, #bf8803));
  }
  .icon-error {
    color: var(--vscode-errorForeground);
  }
  .icon-warning {
    color: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow, #bf8803));
  }
  .icon-info {
    color: var(--vscode-editorInfo-foreground, var(--vscode-charts-blue, #1a85ff));
  }
`;
