import { css } from 'lit';

/** The dashed box a panel shows when it has nothing to show yet, and its "looking…" line with a spinner. */
export const emptyStateStyles = css`
  .empty {
    padding: 16px;
    border: 1px dashed var(--vscode-contrastBorder, var(--vscode-panel-border, var(--vscode-widget-border, transparent)));
    border-radius: 4px;
  }
  .empty p {
    margin: 4px 0 8px;
  }
  .looking {
    display: flex;
    align-items: center;
    gap: 8px;
  }
`;
