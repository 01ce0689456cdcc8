import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import type { ProjectChoice } from './protocol';

/** Past this many projects the select filters as you type. */
const FILTER_FROM = 12;

/** Which project the dashboard shows (one at a time), and a way to read its figures again. */
@customElement('optimus-money-picker')
export class ProjectPicker extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      vscode-single-select {
        min-width: 16em;
      }
    `,
  ];

  @property({ attribute: false }) accessor projects: readonly ProjectChoice[] = [];
  @property({ attribute: false }) accessor project: string | null = null;
  @property({ type: Boolean }) accessor busy = false;

  override render() {
    return html`
      <label id="label" for="select">Project</label>
      <vscode-single-select id="select" .label=${'Project'} aria-labelledby="label" ?combobox=${this.projects.length > FILTER_FROM} .value=${this.project ?? ''} @change=${this.onChange}>
        ${this.project === null ? html`<vscode-option value="">Choose a project…</vscode-option>` : ''}
        ${this.projects.map((p) => html`<vscode-option value=${p.path} description=${p.path} ?selected=${p.path === this.project}>${p.name}</vscode-option>`)}
      </vscode-single-select>
      <vscode-button secondary ?disabled=${this.busy || this.project === null} @click=${() => emit(this, { type: 'refresh' })}>Refresh</vscode-button>
    `;
  }

  private onChange(event: Event): void {
    const value = (event.currentTarget as HTMLElementTagNameMap['vscode-single-select']).value;
    if (value !== '' && value !== this.project) emit(this, { type: 'pickProject', project: value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-money-picker': ProjectPicker;
  }
}
