import { css } from 'lit';

export const projectListStyles = css`
  :host {
    display: block;
  }
  ul.rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  li.row {
    display: grid;
    gap: 6px;
    padding: 8px 10px;
    background: var(--vscode-editorWidget-background, transparent);
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
    min-width: 0;
    /* A live update redraws inside the row; the rows around it keep their layout. */
    contain: layout paint;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .origin {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 16px;
  }
  .ports {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
  }
  .port {
    font-variant-numeric: tabular-nums;
  }
  .processes summary {
    cursor: pointer;
    width: max-content;
  }
  .processes ul {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .processes li {
    display: flex;
    gap: 8px;
    min-width: 0;
  }
  .pid {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--vscode-descriptionForeground);
  }
  .processes code {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
