import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import type { ProjectChoice } from './protocol';

/** Past this many projects the select filters as you type. */
const FILTER_FROM = 12;

/** Which project the page shows: another one picked here is asked of the host, which switches the page. */
@customElement('optimus-project-switcher')
export class ProjectSwitcher extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      vscode-single-select {
        min-width: 14em;
      }
    `,
  ];

  @property({ attribute: false }) accessor projects: readonly ProjectChoice[] = [];
  @property({ attribute: false }) accessor project: string | null = null;

  override render() {
    return html`
      <label id="label" for="select">Project</label>
      <vscode-single-select id="select" .label=${'Project'} aria-labelledby="label" ?combobox=${this.projects.length > FILTER_FROM} .value=${this.project ?? ''} @change=${this.onChange}>
        ${this.project === null ? html`<vscode-option value="">Choose a project…</vscode-option>` : ''}
        ${this.projects.map((p) => html`<vscode-option value=${p.path} description=${p.path} ?selected=${p.path === this.project}>${p.name}</vscode-option>`)}
      </vscode-single-select>
    `;
  }

  private onChange(event: Event): void {
    const value = (event.currentTarget as HTMLElementTagNameMap['vscode-single-select']).value;
    if (value !== '' && value !== this.project) emit(this, { type: 'pick', project: value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-project-switcher': ProjectSwitcher;
  }
}
