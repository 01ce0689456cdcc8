import { css } from 'lit';

/**
 * What every component of every panel shares: VS Code's own font and colours (from the CSS variables VS Code
 * sets for the current theme, so light, dark and high contrast follow without code), visible focus, and the
 * borders high-contrast themes need where other themes use only a background.
 */
export const themeStyles = css`
  :host {
    color: var(--vscode-foreground);
    font-family: var(--vscode-font-family);
    font-size: var(--vscode-font-size);
    font-weight: var(--vscode-font-weight);
  }
  :focus-visible {
    outline: 1px solid var(--vscode-focusBorder);
    outline-offset: 1px;
  }
  :host-context(body.vscode-high-contrast) :focus-visible,
  :host-context(body.vscode-high-contrast-light) :focus-visible {
    outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));
  }
  .muted {
    color: var(--vscode-descriptionForeground);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    font: inherit;
    color: var(--vscode-textLink-foreground);
    cursor: pointer;
    text-align: start;
  }
  button.link:hover {
    color: var(--vscode-textLink-activeForeground);
    text-decoration: underline;
  }
  code {
    font-family: var(--vscode-editor-font-family);
    font-size: 0.95em;
    background: var(--vscode-textCodeBlock-background);
    padding: 0 0.25em;
    border-radius: 3px;
    overflow-wrap: anywhere;
  }
  h2,
  h3 {
    font-weight: 600;
    margin: 0;
  }
  h2 {
    font-size: 1.2em;
  }
  h3 {
    font-size: 1em;
  }
`;
