import { css } from 'lit';

export const errorInputStyles = css`
  :host {
    display: block;
  }
  vscode-textarea {
    width: 100%;
    min-height: 8em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-top: 8px;
  }
  vscode-progress-ring {
    width: 16px;
    height: 16px;
  }
`;
