import { css } from 'lit';

export const moneyAppStyles = css`
  .empty {
    padding: 16px;
    border: 1px dashed var(--vscode-contrastBorder, var(--vscode-panel-border, var(--vscode-widget-border, transparent)));
    border-radius: 4px;
    max-width: 60em;
  }
  .empty p {
    margin: 4px 0 8px;
  }
  .looking {
    display: flex;
    align-items: center;
    gap: 8px;
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
