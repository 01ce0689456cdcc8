import { css } from 'lit';

export const moneyAppStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    padding: 12px 0;
  }
  h1 {
    font-size: 1.35em;
    font-weight: 600;
    margin: 0;
  }
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
