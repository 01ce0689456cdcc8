import './cardGrid';
import './charts/activityHeatmap';
import './charts/healthChart';
import './charts/languagesChart';
import './charts/resourcesChart';
import './toolbar';
import '../project/nextActionsList';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { HostChannel } from '../shared/hostChannel';
import { Clock } from '../shared/clock';
import { HostLink } from '../shared/hostLink';
import { emptyStateStyles } from '../shared/emptyState.styles';
import { themeStyles } from '../shared/theme.styles';
import { stackChoices, visibleCards } from './cardQuery';
import { noMatch, noProjects } from './emptyStates';
import { NextActionEvent } from '../project/nextActionEvent';
import { nextActionAsked } from '../project/nextActions';
import { IntentEvent, type PortfolioIntent } from './intents';
import { portfolioAppStyles } from './portfolioApp.styles';
import { applyMessage, INITIAL_STATE, restored, type PortfolioState, type SavedPortfolioState } from './portfolioState';
import type { PortfolioCommand, PortfolioMessage, ProjectCard } from './protocol';

export type PortfolioChannel = HostChannel<PortfolioCommand, PortfolioMessage, SavedPortfolioState>;

/** How often "3 days ago" is brought up to date: cards are otherwise redrawn only when they change. */
const CLOCK_MS = 5 * 60_000;
const SAVE_WITHIN_MS = 200;

/**
 * The portfolio: the one owner of the page's state. Host messages and the children's intents both become a
 * new state, which is drawn and saved with `setState` for the next time the panel is shown.
 */
@customElement('optimus-portfolio')
export class PortfolioApp extends LitElement {
  static override styles = [themeStyles, emptyStateStyles, portfolioAppStyles];

  /** Set before the element is attached (main.ts): the page's only way to the host. */
  channel: PortfolioChannel | undefined;

  @state() private accessor model: PortfolioState = INITIAL_STATE;
  private readonly clock = new Clock(this, CLOCK_MS);
  private readonly visible = memo(visibleCards);
  private readonly stacks = memo(stackChoices);

  private readonly link = new HostLink<PortfolioCommand, PortfolioMessage, SavedPortfolioState>(this, {
    name: 'optimus-portfolio',
    channel: () => this.channel,
    restore: (saved) => (this.model = restored(saved)),
    receive: (message) => (this.model = applyMessage(this.model, message)),
    ready: () => ({ type: 'ready' }),
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
      <header>
        <h1>Portfolio</h1>
        <span class="muted">${headline(m.cards)}</span>
      </header>
      ${m.error ? html`<p class="refused" role="alert">${m.error}</p>` : nothing}
      ${m.cards.length === 0 ? noProjects(m.index, () => this.handle({ type: 'addRoot' })) : this.renderPortfolio(m)}
    `;
  }

  private renderPortfolio(m: PortfolioState) {
    const shown = this.visible(m.cards, m.view);
    return html`
      <section class="charts" aria-label="Charts">
        <optimus-activity-heatmap class="wide" .activity=${m.activity} .error=${m.activityError} .cards=${m.cards}></optimus-activity-heatmap>
        <optimus-health-chart .cards=${m.cards}></optimus-health-chart>
        <optimus-languages-chart .cards=${m.cards}></optimus-languages-chart>
        <optimus-resources-chart .cards=${m.cards}></optimus-resources-chart>
      </section>
      <optimus-next-actions class="next" .state=${m.next} .withProject=${true} .level=${2} .emptyText=${'Nothing to do across your projects right now.'}></optimus-next-actions>
      <section aria-labelledby="projects">
        <div class="cards-head">
          <h2 id="projects">Projects</h2>
          <optimus-portfolio-toolbar .view=${m.view} .stacks=${this.stacks(m.cards)}></optimus-portfolio-toolbar>
        </div>
        <p class="count muted" role="status">${shown.length === m.cards.length ? `${shown.length} projects` : `Showing ${shown.length} of ${m.cards.length} projects`}</p>
        ${shown.length === 0
          ? noMatch(() => this.handle({ type: 'clearFilters' }))
          : html`<optimus-card-grid .cards=${shown} .focused=${m.focused} .now=${this.clock.now}></optimus-card-grid>`}
      </section>
    `;
  }

  private readonly onIntent = (event: Event): void => {
    if (event instanceof IntentEvent) this.handle(event.intent);
  };

  /** An item's action by the id the host sent it under, or its project's Project detail. */
  private readonly onNextAction = (event: Event): void => {
    if (!(event instanceof NextActionEvent)) return;
    const intent = event.intent;
    if (intent.type === 'openProject') return this.handle(intent);
    this.model = { ...this.model, next: nextActionAsked(this.model.next, intent.id), error: null };
    this.link.post({ type: 'nextAction', id: intent.id });
  };

  private handle(intent: PortfolioIntent): void {
    const m = this.model;
    switch (intent.type) {
      case 'view':
        this.model = { ...m, view: { ...m.view, ...intent.view } };
        return;
      case 'clearFilters':
        this.model = { ...m, view: { ...INITIAL_STATE.view, sort: m.view.sort } };
        return;
      case 'focusCard':
        this.model = { ...m, focused: intent.path };
        return;
      default:
        if (m.error) this.model = { ...m, error: null };
        return this.link.post(intent);
    }
  }
}

/** "200 projects · 12 running · 1 crashed" */
function headline(cards: readonly ProjectCard[]): string {
  if (cards.length === 0) return '';
  const running = cards.filter((c) => c.run.state === 'running').length;
  const crashed = cards.filter((c) => c.run.state === 'crashed').length;
  return [`${cards.length} ${cards.length === 1 ? 'project' : 'projects'}`, running > 0 ? `${running} running` : '', crashed > 0 ? `${crashed} crashed` : ''].filter(Boolean).join(' · ');
}

/** The last result of `fn`, computed again only when an argument is a different object. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    last = { args, result: fn(...args) };
    return last.result;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-portfolio': PortfolioApp;
  }
}
