import { css } from 'lit';

/** What the dashboard's parts share: framed sections, plain lists, tables of figures. */
export const sectionStyles = css`
  :host {
    display: block;
  }
  .frame {
    padding: 12px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
    background: var(--vscode-editorWidget-background, transparent);
  }
  h2,
  h3 {
    margin: 0 0 8px;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain > li {
    padding: 2px 0;
  }
  .error {
    color: var(--vscode-errorForeground);
  }
  p {
    margin: 4px 0;
  }
  table {
    border-collapse: collapse;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    padding: 2px 12px 2px 0;
    border-bottom: 1px solid var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
    overflow-wrap: anywhere;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
