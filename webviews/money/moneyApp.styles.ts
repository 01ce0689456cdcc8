import { css } from 'lit';

export const moneyAppStyles = css`
  .empty {
    max-width: 60em;
  }
  .error {
    color: var(--vscode-errorForeground);
  }
  .notice {
    margin: 0 0 12px;
    padding: 8px 12px;
    border-left: 3px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground));
    background: var(--vscode-inputValidation-errorBackground, transparent);
  }
`;
