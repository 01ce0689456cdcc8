import { css } from 'lit';

export const runtimeAppStyles = css`
  :host {
    display: block;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 8px 16px;
    padding: 12px 0;
  }
  h1 {
    font-size: 1.35em;
    font-weight: 600;
    margin: 0;
  }
  .totals {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  section {
    margin-bottom: 20px;
  }
  section > h2 {
    margin-bottom: 8px;
  }
  .caption {
    margin: -4px 0 8px;
  }
  .error {
    color: var(--vscode-errorForeground);
    border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground));
    border-radius: 4px;
    padding: 6px 10px;
  }
  .warning {
    color: var(--vscode-descriptionForeground);
    border-inline-start: 3px solid var(--vscode-charts-yellow, var(--vscode-editorWarning-foreground, #bf8803));
    padding: 2px 10px;
  }
  ul.crashes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  li.crash {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 12px;
    padding: 6px 10px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-inline-start: 3px solid var(--vscode-charts-red, var(--vscode-errorForeground));
    border-radius: 4px;
  }
  .crash-text {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
    min-width: 0;
    flex: 1;
  }
  .crash-text .name {
    font-weight: 600;
  }
  .crash-text .command {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .crash-actions {
    display: flex;
    gap: 6px;
  }
  table.containers {
    border-collapse: collapse;
    width: 100%;
  }
  .containers th,
  .containers td {
    text-align: start;
    padding: 3px 12px 3px 0;
    border-bottom: 1px solid var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
    overflow-wrap: anywhere;
  }
  .containers td.num {
    font-variant-numeric: tabular-nums;
  }
`;
