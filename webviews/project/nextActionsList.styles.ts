import { css } from 'lit';

/** Colours only from the theme's variables: impact is a dot and a border in the theme's warning or chart colour. */
export const nextActionsListStyles = css`
  :host {
    display: block;
  }
  section {
    padding: 12px;
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 4px;
    background: var(--vscode-editorWidget-background, transparent);
  }
  h2,
  h3 {
    margin-bottom: 6px;
  }
  p {
    margin: 4px 0;
  }
  .error {
    color: var(--vscode-errorForeground);
    overflow-wrap: anywhere;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    align-items: center;
    gap: 8px 12px;
    padding: 6px 0;
    border-bottom: 1px solid var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
  }
  li:last-child {
    border-bottom: none;
  }
  .text {
    flex: 1;
    min-width: 0;
    display: grid;
    gap: 2px;
  }
  button.text {
    padding: 2px 4px;
    margin: -2px -4px;
    background: none;
    border: 1px solid transparent;
    border-radius: 3px;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  button.text:hover {
    background: var(--vscode-list-hoverBackground);
  }
  .project {
    color: var(--vscode-textLink-foreground);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .why {
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 6px;
    border-radius: 8px;
    font-size: 0.9em;
    color: var(--vscode-foreground);
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, #80808059));
  }
  .impact::before {
    content: '';
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--impact);
  }
  .impact-high {
    --impact: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow, #bf8803));
    border-color: var(--impact);
  }
  .impact-medium {
    --impact: var(--vscode-charts-blue, var(--vscode-textLink-foreground, #1a85ff));
  }
  .impact-low {
    --impact: var(--vscode-descriptionForeground);
  }
  vscode-button {
    flex: none;
  }
`;
