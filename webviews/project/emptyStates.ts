import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { html } from 'lit';
import type { MissingReason } from './protocol';

/** Waiting for something the host is reading: said in words (a live region), the ring only decorates. */
export function loading(text: string) {
  return html`<div class="empty looking" role="status">
    <vscode-progress-ring aria-hidden="true"></vscode-progress-ring>
    <span>${text}</span>
  </div>`;
}

/** No project chosen: the picker above is the way on. */
export function noProject(hasProjects: boolean) {
  return html`<div class="empty">
    <h2>No project chosen</h2>
    <p>
      ${hasProjects
        ? 'Pick a project above to see its health and debt over time, where its complexity is, its findings, dependencies and git activity.'
        : 'Optimus has not found any project yet. Add a folder that holds your projects from the Projects view or the Portfolio.'}
    </p>
  </div>`;
}

/** The project named is not in the client's list: not loaded yet after a reload, or gone. */
export function missing(path: string, reason: MissingReason) {
  if (reason === 'indexing') return loading(`Waiting for Optimus's project list to find ${path}…`);
  return html`<div class="empty">
    <h2>Project not found</h2>
    <p>Optimus no longer knows a project at <code>${path}</code>: it may have been moved, deleted or left out of the folders it scans. Pick another project above.</p>
  </div>`;
}

/** The project was never analyzed: nothing of its code to show until it is. */
export function neverAnalyzed(onAnalyze: () => void, busy: boolean) {
  return html`<div class="empty never">
    <h2>Not analyzed yet</h2>
    <p>Optimus has not analyzed this project. An analysis measures every source file's complexity, finds security, performance and quality problems, and starts the health and debt history shown here. It reads the files and runs nothing of the project.</p>
    <vscode-button ?disabled=${busy} @click=${onAnalyze}>${busy ? 'Analyzing…' : 'Analyze Project'}</vscode-button>
  </div>`;
}

/** The detail could not be read: the reason, and a way to try again. */
export function detailFailed(message: string, onRetry: () => void) {
  return html`<div class="empty" role="alert">
    <h2>The analysis could not be read</h2>
    <p class="error">${message}</p>
    <vscode-button secondary @click=${onRetry}>Try Again</vscode-button>
  </div>`;
}
