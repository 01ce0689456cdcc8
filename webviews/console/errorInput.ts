import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { errorInputStyles } from './errorInput.styles';
import { emit } from './intents';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The error to diagnose: typed or pasted, or read from the clipboard by the host (webviews cannot read it). */
@customElement('optimus-error-input')
export class ErrorInput extends LitElement {
  static override styles = [themeStyles, errorInputStyles];

  @property({ attribute: false }) accessor text = '';
  @property({ type: Boolean }) accessor busy = false;

  override render() {
    const empty = this.text.trim() === '';
    return html`
      <vscode-textarea
        .value=${this.text}
        .label=${'Error text to diagnose'}
        placeholder="Paste an error message or a stack trace…"
        rows="8"
        monospace
        resize="vertical"
        aria-keyshortcuts=${isMac ? 'Meta+Enter' : 'Control+Enter'}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
      ></vscode-textarea>
      <div class="actions">
        <vscode-button secondary @click=${() => emit(this, { type: 'readClipboard' })}>From the clipboard</vscode-button>
        <vscode-button ?disabled=${empty} aria-keyshortcuts=${isMac ? 'Meta+Enter' : 'Control+Enter'} @click=${this.diagnose}>Diagnose</vscode-button>
        <span class="muted">${isMac ? '⌘Enter' : 'Ctrl+Enter'}</span>
        ${this.busy ? html`<vscode-progress-ring aria-label="Diagnosing"></vscode-progress-ring>` : nothing}
      </div>
    `;
  }

  private onInput(event: Event): void {
    const area = event.currentTarget as HTMLElementTagNameMap['vscode-textarea'];
    emit(this, { type: 'edit', text: area.value });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    this.diagnose();
  }

  private diagnose(): void {
    if (this.text.trim() !== '') emit(this, { type: 'submit' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-error-input': ErrorInput;
  }
}
