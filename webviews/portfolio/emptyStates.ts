import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { html } from 'lit';
import type { IndexState } from './protocol';

/** What the page shows without any card: still looking (or not heard from the host yet), or nothing found. */
export function noProjects(index: IndexState | null, onAddRoot: () => void) {
  if (index === null || index === 'starting' || index === 'scanning') {
    return html`<div class="empty looking" role="status">
      <vscode-progress-ring aria-hidden="true"></vscode-progress-ring>
      <span>Looking for projects…</span>
    </div>`;
  }
  return html`<div class="empty">
    <h2>No projects yet</h2>
    <p>Optimus lists the projects it finds in the folders of <code>optimus.roots</code> and in the workspace. Add a folder that holds your projects, and each gets a card here with its stack, health, git state and activity.</p>
    <vscode-button @click=${onAddRoot}>Add a Folder of Projects…</vscode-button>
  </div>`;
}

/** Cards exist but the search and filters leave none. */
export function noMatch(onClear: () => void) {
  return html`<div class="empty">
    <h2>No project matches</h2>
    <p>No project matches the search and filters.</p>
    <vscode-button secondary @click=${onClear}>Clear search and filters</vscode-button>
  </div>`;
}
