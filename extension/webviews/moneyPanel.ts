import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Project } from '../../language-server/model';
import { MoneyChangeRequest, MoneyRequest, type MoneyView } from '../../language-server/protocol';
import { unknownProject } from '../../language-server/unknownProject';
import { isMoneyCommand, isMoneyMessage, type MoneyCommand, type MoneyMessage } from '../../webviews/money/protocol';
import { errorText } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import { changeFailedText, moneyChange, moneyInfo, projectChoices, projectToShow, sentence } from './moneyModels';
import { PanelHost, type PanelKind } from './panelHost';
import { PANELS } from './panelKinds';

export interface MoneyDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  log: vscode.LogOutputChannel;
}

const KIND: PanelKind<MoneyCommand, MoneyMessage> = {
  ...PANELS.money,
  isCommand: isMoneyCommand,
  isMessage: isMoneyMessage,
};

/** Project lists come in bursts (a scan's batches): the page hears once per burst, and reads its figures again once. */
const PROJECTS_DEBOUNCE_MS = 500;

/**
 * The host side of the Money dashboard: it shows one project's money at a time, asks the server for it
 * (`optimus/money`) and for each change the user makes (`optimus/moneyChange`, audited, refused in untrusted
 * workspaces), and sends the page the view the server answers. It acts only on projects the client knows.
 */
export class MoneyPanel extends PanelHost<MoneyCommand, MoneyMessage> {
  static readonly viewType = KIND.viewType;

  /** The project the page shows. */
  private current: string | null = null;
  /** A project asked for (by a command) while the page was not there to be told: shown when it says ready. */
  private requested: string | undefined;
  /** The page exists and said ready: a hidden one is destroyed and says ready again when shown. */
  private pageReady = false;
  /** Every read or change of a view takes a number: only the latest answers the page. */
  private requests = 0;
  /** The last view sent, and the project object it was read for (a newer object means the project changed). */
  private last: { project: Project | undefined; view: MoneyView } | undefined;
  private sentProjects = '';
  private projectsTimer: NodeJS.Timeout | undefined;

  /** Opens the dashboard (or brings it to the front) on `projectPath` when given, else on the project it showed last. */
  static show(context: vscode.ExtensionContext, deps: MoneyDeps, projectPath?: string): MoneyPanel {
    const open = PanelHost.reveal<MoneyPanel>(KIND.viewType);
    if (open) {
      if (projectPath !== undefined) open.showProject(projectPath);
      return open;
    }
    const panel = new MoneyPanel(PanelHost.createPanel(context, KIND), deps);
    panel.requested = projectPath;
    return panel;
  }

  /** Makes the host again around a panel VS Code restored after a reload; the page says which project it showed. */
  static revive(panel: vscode.WebviewPanel, deps: MoneyDeps): MoneyPanel {
    return new MoneyPanel(panel, deps);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: MoneyDeps,
  ) {
    super(panel, KIND, deps.log);
    this.disposables.push(
      deps.projects.onDidChange(() => this.projectsChanged()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.pageReady = false;
      }),
    );
  }

  protected override released(): void {
    clearTimeout(this.projectsTimer);
  }

  protected async handle(command: MoneyCommand): Promise<void> {
    switch (command.type) {
      case 'ready': {
        this.pageReady = true;
        this.sentProjects = '';
        this.sendProjects();
        const target = projectToShow((p) => this.known(p), this.deps.projects.all(), this.requested, command.project);
        this.requested = undefined;
        this.current = target;
        // The page shows what it saved of its own project at once; only another project starts blank.
        if (target !== null) return this.load(target, target !== command.project);
        return;
      }
      case 'pickProject':
        if (!this.known(command.project)) return this.post({ type: 'viewFailed', project: command.project, message: sentence(unknownProject(command.project).message) });
        return this.load(command.project, true);
      case 'refresh':
        if (!this.known(command.project)) return this.post({ type: 'viewFailed', project: command.project, message: sentence(unknownProject(command.project).message) });
        return this.load(command.project, false);
      case 'setRate':
      case 'addEntry':
      case 'removeEntry':
        return this.change(command);
      case 'openMarketSetting':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'optimus.advisor.marketSignals');
        return;
    }
  }

  protected override failed(command: MoneyCommand, error: unknown): void {
    this.post({ type: 'failed', message: changeFailedText(command, errorText(error)) });
  }

  /** The page is told something went wrong rather than left waiting. */
  protected override refused(message: MoneyMessage): void {
    const text = `Optimus could not show its answer (${message.type}): it holds a value the dashboard cannot draw; see the Optimus log.`;
    if (message.type === 'view') this.post({ type: 'viewFailed', project: message.project, message: text });
    else if (message.type !== 'failed') this.post({ type: 'failed', message: text });
  }

  /** A command asked for this project while the dashboard is open. */
  private showProject(projectPath: string): void {
    if (this.pageReady) void this.load(projectPath, projectPath !== this.current);
    else this.requested = projectPath;
  }

  private async load(project: string, announce: boolean): Promise<void> {
    this.current = project;
    const request = ++this.requests;
    if (announce) this.post({ type: 'loading', project });
    try {
      const view = await this.deps.client().sendRequest(MoneyRequest.type, { path: project });
      if (request === this.requests) this.send(project, view);
    } catch (error) {
      this.deps.log.warn(`${this.kind.label}: could not read the money of ${project}: ${errorText(error)}`);
      if (request === this.requests) this.post({ type: 'viewFailed', project, message: sentence(errorText(error)) });
    }
  }

  /** Applies one change the user made (a failure reaches the page through `failed`) and sends the view after it. */
  private async change(command: Extract<MoneyCommand, { project: string }>): Promise<void> {
    const change = moneyChange(command);
    if (!change || !this.known(command.project)) throw unknownProject(command.project);
    if (command.type === 'removeEntry' && !(await this.confirmRemove(command.project, command.id))) return this.resend(command.project);
    const request = ++this.requests;
    const view = await this.deps.client().sendRequest(MoneyChangeRequest.type, { path: command.project, change });
    // The user may have moved to another project meanwhile: the change is stored, the page no longer shows it.
    if (request === this.requests && command.project === this.current) this.send(command.project, view);
  }

  /** Removing cannot be undone from the dashboard: the user says so once more, in VS Code's own dialog. */
  private async confirmRemove(project: string, id: number): Promise<boolean> {
    const entry = this.last?.view.path === project ? this.last.view.entries.find((e) => e.id === id) : undefined;
    const what = entry ? `the ${entry.direction} "${entry.name}"` : 'this cost or revenue';
    const choice = await vscode.window.showWarningMessage(`Remove ${what}? The ROI figures will no longer count it.`, { modal: true }, 'Remove');
    return choice === 'Remove';
  }

  /** The view the page already has, sent again so it stops waiting for an answer that will not come. */
  private resend(project: string): Promise<void> | void {
    if (this.last?.view.path === project) return this.send(project, this.last.view);
    return this.load(project, false);
  }

  private send(project: string, view: MoneyView): void {
    this.last = { project: this.deps.projects.get(project), view };
    this.post({ type: 'view', project, view: moneyInfo(view) });
  }

  private projectsChanged(): void {
    clearTimeout(this.projectsTimer);
    this.projectsTimer = setTimeout(() => {
      // A hidden page does not exist; it asks for everything again when shown.
      if (!this.pageReady || !this.panel.visible) return;
      this.sendProjects();
      const current = this.current;
      const project = current === null ? undefined : this.deps.projects.get(current);
      if (current !== null && project) {
        // Its HEAD moved or it was read again: the hours and revenue models may have changed.
        if (this.last?.view.path === current && this.last.project !== project) void this.load(current, false);
        return;
      }
      const next = projectToShow((p) => this.known(p), this.deps.projects.all());
      if (next !== null) void this.load(next, true);
    }, PROJECTS_DEBOUNCE_MS);
  }

  private sendProjects(): void {
    const state = this.deps.projects.state;
    const message: MoneyMessage = { type: 'projects', projects: projectChoices(this.deps.projects.all()), indexing: state === 'starting' || state === 'scanning' };
    const key = JSON.stringify(message);
    if (key === this.sentProjects) return;
    this.sentProjects = key;
    this.post(message);
  }

  private known(projectPath: string): boolean {
    return this.deps.projects.get(projectPath) !== undefined;
  }
}
