import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { html } from 'lit';

/** No project at all: the dashboard has nothing to count. */
export function noProjects() {
  return html`<div class="empty">
    <h2>No projects yet</h2>
    <p>The Money dashboard counts the hours in a project's git history and weighs them against the costs and revenue you enter. Optimus lists the projects it finds in the folders of <code>optimus.roots</code> and in the workspace: add a folder that holds your projects in the Optimus Projects view, and they appear here.</p>
  </div>`;
}

/** The host has not answered yet, or is reading the project's history. */
export function loading(name: string | null) {
  return html`<div class="empty looking" role="status">
    <vscode-progress-ring aria-hidden="true"></vscode-progress-ring>
    <span>${name ? `Reading the history and money of ${name}…` : 'Loading…'}</span>
  </div>`;
}

/** The server could not answer for the project: its own words, and a way to ask again. */
export function loadFailed(message: string, retry: () => void) {
  return html`<div class="empty failed">
    <h2>The money of this project could not be read</h2>
    <p class="error">${message}</p>
    <vscode-button secondary @click=${retry}>Try again</vscode-button>
  </div>`;
}
