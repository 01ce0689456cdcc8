import { css } from 'lit';

export const diagnosisCardStyles = css`
  :host {
    display: block;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 12px;
  }
  .summary {
    font-size: 1.05em;
  }
  .confidence {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  meter {
    width: 8em;
    height: 0.7em;
  }
  meter::-webkit-meter-bar {
    background: var(--vscode-input-background);
    border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
    border-radius: 2px;
  }
  meter::-webkit-meter-optimum-value,
  meter::-webkit-meter-suboptimum-value,
  meter::-webkit-meter-even-less-good-value {
    background: var(--vscode-progressBar-background, var(--vscode-button-background));
  }
  section {
    margin-top: 12px;
  }
  ul {
    margin: 4px 0;
    padding-inline-start: 1.2em;
  }
  ul.fixes {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  ul.fixes li {
    display: grid;
    gap: 4px;
    justify-items: start;
  }
  .guide p {
    margin: 2px 0;
  }
  optimus-feedback {
    margin-top: 16px;
  }
`;
