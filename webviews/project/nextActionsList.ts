import '@vscode-elements/elements/dist/vscode-button/index.js';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { themeStyles } from '../shared/theme.styles';
import { NextActionEvent, type NextActionIntent } from './nextActionEvent';
import { INITIAL_NEXT_ACTIONS, type ActionKind, type Effort, type NextAction, type NextActionsState } from './nextActions';
import { nextActionsListStyles } from './nextActionsList.styles';

/** The button of each action, worded as the commands the Next actions view runs. */
export const ACTION_LABELS: Record<ActionKind, string> = { backup: 'Back Up', analyze: 'Analyze', diagnose: 'Open Console', open: 'Open in New Window' };
const BUSY: Record<ActionKind, string> = { backup: 'Backing Up…', analyze: 'Analyzing…', diagnose: 'Opening…', open: 'Opening…' };
const EFFORT_WORDS: Record<Effort, string> = { minutes: 'minutes of work', hours: 'hours of work', days: 'days of work' };

/**
 * The advisor's ranked list: each item's title, why, impact and effort, and its action as a button. In the
 * Portfolio (`withProject`) each item also names its project and opens that project's Project detail. Every
 * string is bound as text, so markup from a project's name or the server is shown as characters.
 */
@customElement('optimus-next-actions')
export class NextActionsList extends LitElement {
  static override styles = [themeStyles, nextActionsListStyles];

  @property({ attribute: false }) accessor state: NextActionsState = INITIAL_NEXT_ACTIONS;
  /** The Portfolio's list: items of many projects, each a way to its Project detail. */
  @property({ attribute: false }) accessor withProject = false;
  /** The heading's level where the list sits in its page. */
  @property({ attribute: false }) accessor level: 2 | 3 = 3;
  @property({ attribute: false }) accessor emptyText = 'Nothing to do here right now.';

  override render() {
    const { actions, error } = this.state;
    const heading = this.level === 2 ? html`<h2 id="title">Next actions</h2>` : html`<h3 id="title">Next actions</h3>`;
    return html`<section aria-labelledby="title">
      ${heading}
      ${error !== null ? html`<p class="error" role="alert">The next actions could not be worked out: ${error}</p>` : nothing}
      ${actions === null ? (error === null ? html`<p class="muted" role="status">Working out what to do next…</p>` : nothing) : this.renderList(actions)}
    </section>`;
  }

  private renderList(actions: readonly NextAction[]) {
    if (actions.length === 0) return html`<p class="empty muted">${this.emptyText}</p>`;
    return html`<ol aria-labelledby="title">
      ${repeat(
        actions,
        (a) => a.id,
        (a) => html`<li data-id=${a.id}>${this.renderText(a)}${this.renderButton(a)}</li>`,
      )}
    </ol>`;
  }

  private renderText(a: NextAction) {
    const body = html`${this.withProject ? html`<span class="project">${a.projectName}</span>` : nothing}<span class="title">${a.title}</span
      ><span class="why">${a.why}</span
      ><span class="badges"
        ><span class="badge impact impact-${a.impact}">${a.impact} impact</span><span class="badge effort">${EFFORT_WORDS[a.effort]}</span></span
      >`;
    if (!this.withProject) return html`<div class="text">${body}</div>`;
    return html`<button class="text" @click=${() => this.emit({ type: 'openProject', path: a.projectPath })}>
      ${body}<span class="visually-hidden">Open ${a.projectName} in Project detail</span>
    </button>`;
  }

  private renderButton(a: NextAction) {
    if (a.action === null) return nothing;
    const pending = this.state.pending;
    const label = pending === a.id ? BUSY[a.action] : ACTION_LABELS[a.action];
    return html`<vscode-button
      secondary
      data-action=${a.action}
      aria-label=${`${label}: ${a.title}`}
      ?disabled=${pending !== null}
      @click=${() => this.run(a.id)}
      >${label}</vscode-button
    >`;
  }

  private run(id: string): void {
    // A click dispatched on a disabled vscode-button (by a script, an assistive tool) still reaches this listener.
    if (this.state.pending === null) this.emit({ type: 'run', id });
  }

  private emit(intent: NextActionIntent): void {
    this.dispatchEvent(new NextActionEvent(intent));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-next-actions': NextActionsList;
  }
}
