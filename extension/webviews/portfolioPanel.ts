import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isPortfolioCommand, isPortfolioMessage, LIMITS, type IndexState, type PortfolioCommand, type PortfolioMessage, type ProjectCard } from '../../webviews/portfolio/protocol';
import { COMMANDS as NEXT_ACTION_COMMANDS } from '../advisor/nextActionsTree';
import type { ScoresModel } from '../analysis/scoresModel';
import { errorText } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import type { RuntimeModel } from '../runtime/runtimeModel';
import { cardChanges, sentOf, type SentCards } from './portfolioDiff';
import { activityInfo, projectCards } from './portfolioModels';
import { ActivityRequest, AdviseRequest } from '../../language-server/protocol';
import { NextActionsFeed, type NextActionsAnswer } from './nextActionsFeed';
import { PanelHost, type PanelKind } from './panelHost';
import { PANELS } from './panelKinds';

export interface PortfolioDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  scores: ScoresModel;
  runtime: RuntimeModel;
  log: vscode.LogOutputChannel;
}

const KIND: PanelKind<PortfolioCommand, PortfolioMessage> = {
  ...PANELS.portfolio,
  isCommand: isPortfolioCommand,
  isMessage: isPortfolioMessage,
};

/** Model changes come in bursts (a scan's batches, a runtime sample): one update per burst, soon enough to feel live. */
const UPDATE_MS = 100;
/** git runs once per repository for the heatmap: only after the heads have settled, and not more than this often. */
const ACTIVITY_SETTLE_MS = 5_000;

/**
 * The host side of the Portfolio panel: it turns the client's project, score and runtime models into cards,
 * sends the page the cards that changed as the models change, asks the server for the commit activity and the
 * top next actions, opens a project the page names (only one the models know), and runs a next action as the
 * Next actions view does (only one it sent).
 */
export class PortfolioPanel extends PanelHost<PortfolioCommand, PortfolioMessage> {
  static readonly viewType = KIND.viewType;

  /** What the page holds now; empty until it says it is ready (a new page holds nothing). */
  private sent: SentCards = new Map();
  private sentIndex: IndexState | undefined;
  private updateTimer: NodeJS.Timeout | undefined;
  private activityTimer: NodeJS.Timeout | undefined;
  /** The repositories and heads the last activity was read for: the heatmap changes only when these do. */
  private activityKey: string | null = null;
  private activityMessage: PortfolioMessage | undefined;
  private readonly nextActions: NextActionsFeed;
  /** Projects or scores changed since the next actions were read: read again with the next update. */
  private adviceDue = false;
  /** Which projects run or crashed when the next actions were last asked for (a crash is advice; a CPU sample is not). */
  private runKey = '';

  /** Opens the portfolio, or brings the open one to the front. */
  static show(context: vscode.ExtensionContext, deps: PortfolioDeps): PortfolioPanel {
    return PanelHost.reveal<PortfolioPanel>(KIND.viewType) ?? new PortfolioPanel(PanelHost.createPanel(context, KIND), deps);
  }

  /** Makes the host again around a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, deps: PortfolioDeps): PortfolioPanel {
    return new PortfolioPanel(panel, deps);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: PortfolioDeps,
  ) {
    super(panel, KIND, deps.log);
    this.nextActions = new NextActionsFeed(
      () => deps.client().sendRequest(AdviseRequest.type, {}),
      LIMITS.nextActions,
      (answer) => this.deliverAdvice(answer),
    );
    const changed = () => this.scheduleUpdate();
    const adviceChanged = () => {
      this.adviceDue = true;
      this.scheduleUpdate();
    };
    this.disposables.push(
      deps.projects.onDidChange(adviceChanged),
      deps.scores.onDidChange(adviceChanged),
      deps.runtime.onDidChange(changed),
      // A hidden page is destroyed; the one shown next starts empty and says `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.sent = new Map();
      }),
    );
  }

  protected override released(): void {
    clearTimeout(this.updateTimer);
    clearTimeout(this.activityTimer);
    this.nextActions.forget();
  }

  protected override failed(_command: PortfolioCommand, error: unknown): void {
    this.refuse(`Optimus could not do that: ${errorText(error)}`);
  }

  protected async handle(command: PortfolioCommand): Promise<void> {
    switch (command.type) {
      case 'ready': {
        const cards = this.cards();
        this.sent = sentOf(cards);
        this.sentIndex = this.index();
        this.post({ type: 'cards', cards, index: this.sentIndex });
        if (this.activityMessage) this.post(this.activityMessage);
        await Promise.all([this.refreshActivity(), this.refreshAdvice(cards)]);
        return;
      }
      case 'openProject':
        // Only a project the client knows is opened: the page's word is not a path to trust.
        if (!this.deps.projects.get(command.path)) {
          this.deps.log.warn('Portfolio: asked to open a project Optimus does not know');
          return this.refuse('Optimus does not know that project any more: it may have been moved or deleted.');
        }
        await vscode.commands.executeCommand(PANELS.project.command, command.path);
        return;
      case 'nextAction':
        return this.runNextAction(command.id);
      case 'addRoot':
        await vscode.commands.executeCommand('optimus.addRoot');
        return;
    }
  }

  /** Sends the cards that changed since the page was last told, once per burst of model changes. */
  private scheduleUpdate(): void {
    this.updateTimer ??= setTimeout(() => {
      this.updateTimer = undefined;
      if (!this.panel.visible) return;
      const cards = this.cards();
      const { updated, removed, sent } = cardChanges(this.sent, cards);
      this.sent = sent;
      // A scan that ends without a change to any card still turns "looking for projects" into "none found".
      const index = this.index();
      if (updated.length > 0 || removed.length > 0 || index !== this.sentIndex) this.post({ type: 'cardsChanged', updated, removed, index });
      this.sentIndex = index;
      this.scheduleActivity();
      if (this.adviceDue || runKeyOf(cards) !== this.runKey) void this.refreshAdvice(cards);
    }, UPDATE_MS);
  }

  /** Asks the server for the portfolio's top next actions; `cards` are the ones they are read along with. */
  private refreshAdvice(cards: readonly ProjectCard[]): Promise<void> {
    this.adviceDue = false;
    this.runKey = runKeyOf(cards);
    return this.nextActions.refresh(null);
  }

  private deliverAdvice(answer: NextActionsAnswer): void {
    if ('actions' in answer) return this.post({ type: 'nextActions', actions: answer.actions });
    this.deps.log.error(`Portfolio: next actions failed: ${answer.error}`);
    this.post({ type: 'nextActionsFailed', message: answer.error });
  }

  /** Runs the action of the item the page names by id, only one this host sent, then reads the list again. */
  private async runNextAction(id: string): Promise<void> {
    const decision = this.nextActions.decide(null, id);
    if ('refused' in decision) {
      this.deps.log.warn(`Portfolio: refused a next action: ${decision.refused}`);
      return this.refuse(decision.refused);
    }
    try {
      await vscode.commands.executeCommand(NEXT_ACTION_COMMANDS[decision.action.kind], decision.action.path);
    } finally {
      this.post({ type: 'nextActionDone', id });
    }
    await this.refreshAdvice(this.cards());
  }

  private refuse(message: string): void {
    this.post({ type: 'failed', message: message.slice(0, LIMITS.message) });
  }

  private scheduleActivity(): void {
    if (this.repoKey() === this.activityKey) return;
    clearTimeout(this.activityTimer);
    this.activityTimer = setTimeout(() => void this.refreshActivity(), ACTIVITY_SETTLE_MS);
  }

  /** Asks the server for the commit activity when the repositories or their heads moved since it was last read. */
  private async refreshActivity(): Promise<void> {
    const key = this.repoKey();
    if (key === this.activityKey && this.activityMessage?.type === 'activity') return;
    this.activityKey = key;
    try {
      const activity = await this.deps.client().sendRequest(ActivityRequest.type, {});
      for (const f of activity.failed) this.deps.log.warn(`Portfolio: commit activity of ${f.path}: ${f.error}`);
      this.activityMessage = { type: 'activity', activity: activityInfo(activity) };
    } catch (error) {
      // Tried again when the repositories move or the page is shown again, not on every model change.
      this.deps.log.error(`Portfolio: commit activity failed: ${errorText(error)}`);
      this.activityMessage = { type: 'activityFailed', message: errorText(error).slice(0, LIMITS.text) };
    }
    if (this.panel.visible) this.post(this.activityMessage);
  }

  private repoKey(): string {
    return this.deps.projects
      .all()
      .filter((p) => p.git !== null)
      .map((p) => `${p.path}@${p.git?.head ?? ''}`)
      .join('\n');
  }

  private cards(): ProjectCard[] {
    const { projects, runtime, scores } = this.deps;
    return projectCards(projects.all(), (p) => runtime.get(p), (p) => scores.get(p));
  }

  private index(): IndexState {
    return this.deps.projects.state;
  }
}

/** The projects that run or crashed: a change here may change the advice; a CPU or memory sample does not. */
function runKeyOf(cards: readonly ProjectCard[]): string {
  return cards
    .filter((c) => c.run.state !== 'stopped')
    .map((c) => `${c.run.state}:${c.path}`)
    .join('\n');
}
