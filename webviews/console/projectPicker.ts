import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import type { ProjectChoice } from './protocol';

/** Past this many projects the select filters as you type. */
const FILTER_FROM = 12;

/** The project the console works in: its history is listed, and errors diagnosed here are filed under it. */
@customElement('optimus-project-picker')
export class ProjectPicker extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      vscode-single-select {
        min-width: 16em;
      }
    `,
  ];

  @property({ attribute: false }) accessor projects: ProjectChoice[] = [];
  @property({ attribute: false }) accessor project: string | null = null;

  override render() {
    return html`
      <label id="label" for="select">Project</label>
      <vscode-single-select
        id="select"
        .label=${'Project'}
        aria-labelledby="label"
        ?combobox=${this.projects.length > FILTER_FROM}
        .value=${this.project ?? ''}
        @change=${this.onChange}
      >
        <vscode-option value="">All projects</vscode-option>
        ${this.projects.map((p) => html`<vscode-option value=${p.path} description=${p.path}>${p.name}</vscode-option>`)}
      </vscode-single-select>
    `;
  }

  private onChange(event: Event): void {
    const value = (event.currentTarget as HTMLElementTagNameMap['vscode-single-select']).value;
    const project = value === '' ? null : value;
    if (project !== this.project) emit(this, { type: 'pickProject', project });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-project-picker': ProjectPicker;
  }
}
