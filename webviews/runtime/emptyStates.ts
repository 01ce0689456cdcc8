import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { html } from 'lit';

/** Before the host has said anything: the page does not claim "nothing running" before it knows. */
export function reading() {
  return html`<div class="empty looking" role="status">
    <vscode-progress-ring aria-hidden="true"></vscode-progress-ring>
    <span>Reading what runs…</span>
  </div>`;
}

export function nothingRunning(onStart: () => void) {
  return html`<div class="empty">
    <h2>Nothing running</h2>
    <p>No project of yours runs now. Start one, from here or from the Projects view, and its CPU, memory, ports and processes show here as they change.</p>
    <vscode-button @click=${onStart}>Start a Project…</vscode-button>
  </div>`;
}
