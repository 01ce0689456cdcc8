import { css } from 'lit';

export const projectAppStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .grid {
    display: grid;
    gap: 12px;
    grid-template-columns: minmax(0, 1fr);
    margin-bottom: 12px;
  }
  @container (min-width: 800px) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .grid .wide {
      grid-column: 1 / -1;
    }
  }
  .usage {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 8px 12px;
    margin-bottom: 12px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
  }
  .next {
    margin-bottom: 12px;
  }
  .usage h2 {
    font-size: 1em;
  }
  .empty {
    margin-bottom: 12px;
  }
  .error,
  .refused {
    color: var(--vscode-errorForeground);
  }
  .refused {
    margin: 0 0 12px;
  }
  .notes {
    padding: 12px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
  }
  .notes ul {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }
  .notes li {
    overflow-wrap: anywhere;
  }
`;
