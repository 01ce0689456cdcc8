import { css } from 'lit';

export const historyListStyles = css`
  :host {
    display: block;
  }
  ul {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
  }
  button.row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 8px;
    width: 100%;
    padding: 4px 6px;
    border: 1px solid transparent;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  button.row:hover {
    background: var(--vscode-list-hoverBackground);
    border-color: var(--vscode-contrastActiveBorder, transparent);
  }
  button.row[aria-current='true'] {
    background: var(--vscode-list-activeSelectionBackground);
    color: var(--vscode-list-activeSelectionForeground);
    border-color: var(--vscode-contrastActiveBorder, transparent);
  }
  .diagnosis {
    font-weight: 600;
  }
  .excerpt {
    grid-column: 1 / -1;
    font-family: var(--vscode-editor-font-family);
    font-size: 0.9em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .outcomes {
    grid-column: 1 / -1;
    font-size: 0.9em;
  }
`;
