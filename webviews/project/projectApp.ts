import './charts/activityChart';
import './charts/hotspotTreemap';
import './charts/trendChart';
import './charts/usageSparkline';
import './dependenciesTable';
import './findingsList';
import './functionsTable';
import './nextActionsList';
import './projectHeader';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { HostChannel } from '../shared/hostChannel';
import { Clock } from '../shared/clock';
import { HostLink } from '../shared/hostLink';
import { emptyStateStyles } from '../shared/emptyState.styles';
import { themeStyles } from '../shared/theme.styles';
import type { DetailView } from './detailView';
import { detailFailed, loading, missing, neverAnalyzed, noProject } from './emptyStates';
import { IntentEvent, type ProjectIntent } from './intents';
import { NextActionEvent } from './nextActionEvent';
import { nextActionAsked } from './nextActions';
import { projectAppStyles } from './projectApp.styles';
import { applyMessage, INITIAL_STATE, restored, type ProjectState, type SavedProjectState } from './projectState';
import type { ProjectCommand, ProjectHeader, ProjectMessage } from './protocol';

export type ProjectChannel = HostChannel<ProjectCommand, ProjectMessage, SavedProjectState>;

/** How often "analyzed 3 days ago" is brought up to date. */
const CLOCK_MS = 5 * 60_000;
const SAVE_WITHIN_MS = 200;

/**
 * The Project detail page: the one owner of its state. Host messages and the children's intents both become a
 * new state, which is drawn and saved with `setState` for the next time the panel is shown.
 */
@customElement('optimus-project')
export class ProjectApp extends LitElement {
  static override styles = [themeStyles, emptyStateStyles, projectAppStyles];

  /** Set before the element is attached (main.ts): the page's only way to the host. */
  channel: ProjectChannel | undefined;

  @state() private accessor model: ProjectState = INITIAL_STATE;
  private readonly clock = new Clock(this, CLOCK_MS);

  private readonly link = new HostLink<ProjectCommand, ProjectMessage, SavedProjectState>(this, {
    name: 'optimus-project',
    channel: () => this.channel,
    restore: (saved) => (this.model = restored(saved)),
    receive: (message) => (this.model = applyMessage(this.model, message)),
    ready: () => ({ type: 'ready', project: this.model.project }),
    state: () => this.model,
    events: [[IntentEvent.type, (event: Event) => this.onIntent(event as IntentEvent)], [NextActionEvent.type, (event: Event) => this.onNextAction(event as NextActionEvent)]],
    saveIdleWithinMs: SAVE_WITHIN_MS,
  });

  protected override updated(changed: PropertyValues): void {
    if (changed.has('model')) this.link.save();
  }

  override render() {
    const m = this.model;
    return html`
      <optimus-project-header .header=${m.header} .projects=${m.projects} .pending=${m.pending} .now=${this.clock.now}></optimus-project-header>
      ${m.error ? html`<p class="refused" role="alert">${m.error}</p>` : nothing}
      ${this.renderBody(m)}
    `;
  }

  private renderBody(m: ProjectState) {
    if (m.project === null) return m.chosen === false ? noProject(m.projects.length > 0) : loading('Opening the project…');
    if (m.missing) return missing(m.project, m.missing);
    if (!m.header) return loading('Opening the project…');
    return html`${m.header.run.state === 'running' ? this.renderUsage(m) : nothing}
      <optimus-next-actions class="next" .state=${m.next}></optimus-next-actions>
      ${this.renderCode(m, m.header)} ${this.renderAlways(m)}`;
  }

  private renderUsage(m: ProjectState) {
    return html`<section class="usage" aria-labelledby="usage-title">
      <h2 id="usage-title">Live usage</h2>
      <optimus-usage-sparkline .samples=${m.usage}></optimus-usage-sparkline>
    </section>`;
  }

  /** What the analysis found; what stands in for it while it is read, never made, or could not be read. */
  private renderCode(m: ProjectState, header: ProjectHeader) {
    const detail = m.detail?.view;
    if (!detail) {
      if (m.detailState === 'failed') return detailFailed(m.detailError ?? 'unknown error', () => this.handle({ type: 'refresh' }));
      return loading(`Reading the last analysis of ${header.name}…`);
    }
    const failedAgain =
      m.detailState === 'failed' ? html`<p class="error" role="alert">Could not read the analysis again: ${m.detailError} <button class="link" @click=${() => this.handle({ type: 'refresh' })}>Try again</button></p>` : nothing;
    if (detail.analyzedAt === null) return html`${failedAgain}${neverAnalyzed(() => this.handle({ type: 'run', action: 'analyze' }), m.pending === 'analyze')}`;
    return html`${failedAgain}
      <div class="grid">
        <optimus-trend-chart class="wide" .points=${detail.trend}></optimus-trend-chart>
        <optimus-hotspot-treemap class="wide" .files=${detail.files}></optimus-hotspot-treemap>
        <optimus-functions-table .functions=${detail.functions}></optimus-functions-table>
        <optimus-findings-list .findings=${detail.findings} .counts=${detail.findingCounts}></optimus-findings-list>
      </div>`;
  }

  /** What does not need an analysis: the manifests' dependencies, the commits, and the notes. */
  private renderAlways(m: ProjectState) {
    const detail: DetailView | undefined = m.detail?.view;
    return html`<div class="grid">
      ${detail ? html`<optimus-dependencies-table class="wide" .dependencies=${detail.dependencies} .filter=${m.depFilter}></optimus-dependencies-table>` : nothing}
      <optimus-activity-chart class="wide" .activity=${m.activity} .state=${m.activityState} .error=${m.activityError}></optimus-activity-chart>
      ${detail && detail.notes.length > 0
        ? html`<section class="notes wide" aria-labelledby="notes-title">
            <h3 id="notes-title">Notes</h3>
            <ul>
              ${detail.notes.map((n) => html`<li>${n}</li>`)}
            </ul>
          </section>`
        : nothing}
    </div>`;
  }

  private readonly onIntent = (event: Event): void => {
    if (event instanceof IntentEvent) this.handle(event.intent);
  };

  /** An item's action, by the id the host sent it under: the host looks it up in what it sent for this project. */
  private readonly onNextAction = (event: Event): void => {
    const m = this.model;
    if (!(event instanceof NextActionEvent) || event.intent.type !== 'run' || m.project === null) return;
    this.model = { ...m, next: nextActionAsked(m.next, event.intent.id), error: null };
    this.post({ type: 'nextAction', project: m.project, id: event.intent.id });
  };

  private handle(intent: ProjectIntent): void {
    const m = this.model;
    if (intent.type === 'depFilter') {
      this.model = { ...m, depFilter: intent.filter };
      return;
    }
    if (intent.type === 'pick') return this.post({ type: 'pickProject', project: intent.project });
    const project = m.project;
    if (project === null) return;
    switch (intent.type) {
      case 'refresh':
        return this.post({ type: 'refresh', project });
      case 'run':
        this.model = { ...m, pending: intent.action, error: null };
        return this.post({ type: intent.action, project });
      case 'open':
        if (!m.detail) return;
        this.model = { ...m, error: null };
        return this.post({ type: 'open', project, ref: m.detail.ref, list: intent.list, index: intent.index });
    }
  }

  private post(command: ProjectCommand): void {
    this.link.post(command);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-project': ProjectApp;
  }
}
