import { css } from 'lit';

export const consoleAppStyles = css`
  .layout {
    display: grid;
    gap: 24px;
  }
  @container (min-width: 900px) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(16em, 2fr);
    }
  }
  .result {
    margin-top: 16px;
  }
  .empty p {
    margin: 4px 0 0;
  }
  .error {
    color: var(--vscode-errorForeground);
  }
  .history-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 8px;
  }
`;
