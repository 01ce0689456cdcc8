import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/projectPicker';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProjectPickEvent } from '../shared/projectPicker';
import { themeStyles } from '../shared/theme.styles';
import { gitText, scoreText, stateWord, usageText } from './headerText';
import { emit } from './intents';
import type { ProjectChoice, ProjectHeader, RunAction } from './protocol';

const BUSY: Record<RunAction, string> = { start: 'Starting…', stop: 'Stopping…', analyze: 'Analyzing…' };

/** Who the project is and how it stands: name, path, stack, git, scores, running state, and what can be done. */
@customElement('optimus-project-header')
export class ProjectHeaderView extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        padding: 12px 0;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
      }
      h1 {
        font-size: 1.35em;
        font-weight: 600;
        margin: 0;
        overflow-wrap: anywhere;
      }
      optimus-project-picker {
        --optimus-project-picker-width: 14em;
      }
      .path {
        margin: 2px 0 8px;
        overflow-wrap: anywhere;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 20px;
        margin: 0 0 8px;
        padding: 0;
        list-style: none;
      }
      .tag {
        display: inline-block;
        padding: 0 6px;
        margin-inline-end: 4px;
        border-radius: 8px;
        background: var(--vscode-badge-background, var(--vscode-textCodeBlock-background));
        color: var(--vscode-badge-foreground, inherit);
        border: 1px solid var(--vscode-contrastBorder, transparent);
      }
      .run {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      .state::before {
        content: '●';
        margin-inline-end: 4px;
      }
      .state.running::before { color: var(--vscode-charts-green, #388a34); }
      .state.crashed::before { color: var(--vscode-errorForeground); }
      .state.stopped::before { color: var(--vscode-descriptionForeground); }
    `,
  ];

  @property({ attribute: false }) accessor header: ProjectHeader | null = null;
  @property({ attribute: false }) accessor projects: readonly ProjectChoice[] = [];
  @property({ attribute: false }) accessor pending: RunAction | null = null;
  @property({ attribute: false }) accessor now = Date.now();

  override render() {
    const h = this.header;
    return html`<div class="top">
        <h1>${h ? h.name : 'Project detail'}</h1>
        ${this.projects.length > 0 ? html`<optimus-project-picker .projects=${this.projects} .project=${h?.path ?? null} @optimus-project-pick=${this.onPick}></optimus-project-picker>` : nothing}
      </div>
      ${h ? this.renderFacts(h) : nothing}`;
  }

  private readonly onPick = (e: ProjectPickEvent): void => {
    if (e.project !== null) emit(this, { type: 'pick', project: e.project });
  };

  private renderFacts(h: ProjectHeader) {
    const running = h.run.state === 'running';
    const action: RunAction = running ? 'stop' : 'start';
    return html`<p class="path muted"><code>${h.path}</code></p>
      <ul class="facts">
        <li aria-label="Stack">${h.stack.length === 0 ? html`<span class="muted">Stack not recognised</span>` : h.stack.map((t) => html`<span class="tag">${t.label}</span>`)}</li>
        <li>${gitText(h.git)}</li>
        <li>${scoreText(h, this.now)}</li>
      </ul>
      <div class="run">
        <span class="state ${h.run.state}" role="status">${stateWord(h.run)}</span>
        ${running ? html`<span class="muted usage">${usageText(h.run)}</span>` : nothing}
        <vscode-button ?disabled=${this.pending !== null} @click=${() => this.run(action)}>${this.pending === action ? BUSY[action] : running ? 'Stop' : 'Start'}</vscode-button>
        <vscode-button secondary ?disabled=${this.pending !== null} @click=${() => this.run('analyze')}>${this.pending === 'analyze' ? BUSY.analyze : h.health === null ? 'Analyze' : 'Analyze Again'}</vscode-button>
      </div>`;
  }

  private run(action: RunAction): void {
    emit(this, { type: 'run', action });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-project-header': ProjectHeaderView;
  }
}
