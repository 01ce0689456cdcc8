import '@vscode-elements/elements/dist/vscode-button/index.js';
import { html } from 'lit';
import { ago } from '../shared/when';
import { exitText } from './format';
import type { RuntimeIntent } from './intents';
import type { CrashRow } from './protocol';

/** Projects whose last run ended with a failure, the latest first, each with what to do about it. */
export function crashList(crashes: readonly CrashRow[], now: number, act: (intent: RuntimeIntent) => void) {
  return html`<ul class="crashes">
    ${crashes.map(
      (c) => html`<li class="crash" data-path=${c.path}>
        <div class="crash-text">
          <span class="name" title=${c.path}>${c.name}</span>
          <span>${exitText(c.exitCode, c.signal)}</span>
          <time class="muted" datetime=${c.at} title=${new Date(c.at).toLocaleString()}>${ago(c.at, now)}</time>
          <code class="command" title=${c.command}>${c.command}</code>
        </div>
        <div class="crash-actions">
          <vscode-button aria-label=${`Diagnose why ${c.name} crashed`} @click=${() => act({ type: 'diagnose', path: c.path })}>Diagnose</vscode-button>
          <vscode-button secondary aria-label=${`Show the output of ${c.name}'s last run`} @click=${() => act({ type: 'showOutput', path: c.path })}>Show Output</vscode-button>
        </div>
      </li>`,
    )}
  </ul>`;
}
