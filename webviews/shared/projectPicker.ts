import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from './theme.styles';

/** A project as a picker lists it. */
export interface PickableProject {
  name: string;
  path: string;
}

/** Past this many projects the select filters as you type. */
const FILTER_FROM = 12;

/**
 * Sent when another project is picked (null: the "no project" option). It does not bubble: the element that
 * renders the picker turns it into its own panel's intent.
 */
export class ProjectPickEvent extends Event {
  static readonly type = 'optimus-project-pick';

  constructor(readonly project: string | null) {
    super(ProjectPickEvent.type);
  }
}

/**
 * Which project a panel shows or works in. The current one is marked `selected` as well as set as the value:
 * the select otherwise showed the first project of the list, not the one shown. Children (a Refresh button)
 * are drawn after the select.
 */
@customElement('optimus-project-picker')
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
        min-width: var(--optimus-project-picker-width, 16em);
      }
    `,
  ];

  @property({ attribute: false }) accessor projects: readonly PickableProject[] = [];
  @property({ attribute: false }) accessor project: string | null = null;
  /** The option that stands for no project (e.g. "All projects"); without it a prompt shows until one is picked. */
  @property({ attribute: false }) accessor noProjectLabel: string | null = null;

  override render() {
    return html`
      <label id="label" for="select">Project</label>
      <vscode-single-select id="select" .label=${'Project'} aria-labelledby="label" ?combobox=${this.projects.length > FILTER_FROM} .value=${this.project ?? ''} @change=${this.onChange}>
        ${this.renderNoProject()}
        ${this.projects.map((p) => html`<vscode-option value=${p.path} description=${p.path} ?selected=${p.path === this.project}>${p.name}</vscode-option>`)}
      </vscode-single-select>
      <slot></slot>
    `;
  }

  private renderNoProject() {
    if (this.noProjectLabel !== null) return html`<vscode-option value="" ?selected=${this.project === null}>${this.noProjectLabel}</vscode-option>`;
    return this.project === null ? html`<vscode-option value="">Choose a project…</vscode-option>` : nothing;
  }

  private onChange(event: Event): void {
    const value = (event.currentTarget as HTMLElementTagNameMap['vscode-single-select']).value;
    const project = value === '' ? null : value;
    if (project === this.project || (project === null && this.noProjectLabel === null)) return;
    this.dispatchEvent(new ProjectPickEvent(project));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-project-picker': ProjectPicker;
  }
}
