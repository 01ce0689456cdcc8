import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActivityRequest, ProjectDetailRequest } from '../../language-server/protocol';
import { isProjectCommand, isProjectMessage, LIMITS, type ProjectCommand, type ProjectMessage, type RunAction } from '../../webviews/project/protocol';
import type { ScoresModel } from '../analysis/scoresModel';
import { errorText } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import type { RuntimeModel } from '../runtime/runtimeModel';
import { PanelHost, type PanelKind } from './panelHost';
import { PANELS } from './panelKinds';
import { activityView, detailView, openDecision, projectChoices, projectHeader, UsageHistory, type SentDetail } from './projectModels';
import { ProjectNextActions } from './projectNextActions';

export interface ProjectDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  scores: ScoresModel;
  runtime: RuntimeModel;
  log: vscode.LogOutputChannel;
}

const KIND: PanelKind<ProjectCommand, ProjectMessage> = {
  ...PANELS.project,
  isCommand: isProjectCommand,
  isMessage: isProjectMessage,
};

/** The existing commands a header button runs, each with a project path (they ask for confirmation themselves). */
const ACTION_COMMANDS: Record<RunAction, string> = { start: 'optimus.start', stop: 'optimus.stop', analyze: 'optimus.analyzeProject' };
/** Model changes come in bursts (a scan's batches, a runtime sample): one update per burst. */
const UPDATE_MS = 100;
/** git runs for the activity only after the head has settled. */
const ACTIVITY_SETTLE_MS = 5_000;

/**
 * The host side of the Project detail panel: one panel, showing one project at a time. It sends the page the
 * project's header (kept live from the client's models), the server's detail of its code, its commit activity
 * and its recent CPU and memory, and its next actions; it runs Start, Stop and Analyze through the existing
 * commands, a next action as the Next actions view does (only one it sent), and opens a file the page names by
 * list and index, only when that file lies inside the project folder.
 */
export class ProjectPanel extends PanelHost<ProjectCommand, ProjectMessage> {
  static readonly viewType = KIND.viewType;

  /** The project shown, by path; it may be one the models do not know yet (after a reload) or any more. */
  private current: string | null;
  /** The detail the page was last sent: what an `open` command's ref and index are looked up in. */
  private sent: SentDetail | undefined;
  /** Seeded from the clock so a ref a page kept from before a reload is not taken for a new one. */
  private nextRef = Date.now();
  private detailAsked = 0;
  /** The score's analysis time when the detail was last read: a new analysis changes it. */
  private scoredAt: string | null | undefined;
  private sentHeader = '';
  private sentProjects = '';
  /** The page was told the project is missing: it is sent everything once the models know it. */
  private waiting = false;
  private activityKey: string | null = null;
  private readonly usage = new UsageHistory();
  private updateTimer: NodeJS.Timeout | undefined;
  private activityTimer: NodeJS.Timeout | undefined;
  private readonly nextActions: ProjectNextActions;

  /**
   * Opens the panel on `projectPath`, or brings the open one to the front and switches it to that project.
   * Without a project, a new panel offers its own picker. (`projectPathOf` reads the path from a command's
   * argument: a tree node, `{ path }` or a path.)
   */
  static show(context: vscode.ExtensionContext, deps: ProjectDeps, projectPath?: string): ProjectPanel {
    const open = PanelHost.reveal<ProjectPanel>(KIND.viewType);
    if (open) {
      if (projectPath !== undefined && projectPath !== open.current) {
        open.switchTo(projectPath).catch((error: unknown) => deps.log.error(`Project detail: could not switch to ${projectPath}: ${errorText(error)}`));
      }
      return open;
    }
    return new ProjectPanel(PanelHost.createPanel(context, KIND), deps, projectPath ?? null);
  }

  /** Makes the host again around a panel VS Code restored after a reload: the page names its project in `ready`. */
  static revive(panel: vscode.WebviewPanel, deps: ProjectDeps): ProjectPanel {
    return new ProjectPanel(panel, deps, null);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: ProjectDeps,
    project: string | null,
  ) {
    super(panel, KIND, deps.log);
    this.current = project;
    this.nextActions = new ProjectNextActions(deps, {
      current: () => this.current,
      visible: () => this.panel.visible,
      post: (message) => this.post(message),
      refuse: (message) => this.refuse(message),
    });
    this.usage.record(deps.runtime.running(), Date.now());
    this.disposables.push(
      deps.projects.onDidChange(() => this.scheduleUpdate()),
      deps.scores.onDidChange(() => this.scoresChanged()),
      deps.runtime.onDidChange(() => {
        this.usage.record(deps.runtime.running(), Date.now());
        this.scheduleUpdate();
      }),
      // A hidden page is destroyed; the one shown next starts from its saved state and says `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) [this.sentHeader, this.sentProjects] = ['', ''];
      }),
    );
  }

  protected override released(): void {
    clearTimeout(this.updateTimer);
    clearTimeout(this.activityTimer);
    this.nextActions.dispose();
  }

  protected override failed(_command: ProjectCommand, error: unknown): void {
    this.refuse(`Optimus could not do that: ${errorText(error)}`);
  }

  protected async handle(command: ProjectCommand): Promise<void> {
    switch (command.type) {
      case 'ready':
        // A host that was shown for a project keeps it; a revived one takes the page's.
        this.current ??= command.project;
        return this.sendAll();
      case 'pickProject':
        return this.switchTo(command.project);
      case 'refresh':
        if (command.project === this.current) await this.loadDetail();
        return;
      case 'start':
      case 'stop':
      case 'analyze':
        return this.run(command.type, command.project);
      case 'open':
        return this.open(command);
      case 'nextAction':
        return this.nextActions.run(command);
    }
  }

  /** Shows another project: everything the page held of the last one is sent again for this one. */
  private switchTo(projectPath: string): Promise<void> {
    if (projectPath === this.current) return this.sendAll();
    this.current = projectPath;
    this.sent = undefined;
    this.scoredAt = undefined;
    this.activityKey = null;
    this.nextActions.forget();
    return this.sendAll();
  }

  private async sendAll(): Promise<void> {
    this.sentProjects = '';
    this.sendProjects();
    this.sentHeader = '';
    if (this.current === null) return this.post({ type: 'noProject' });
    if (!this.sendHeader()) return;
    this.sendUsage();
    await Promise.all([this.loadDetail(), this.loadActivity(), this.nextActions.load()]);
  }

  /** Sends the header when it changed; says the project is missing (and returns false) when the models do not know it. */
  private sendHeader(): boolean {
    const projectPath = this.current;
    if (projectPath === null) return false;
    const project = this.deps.projects.get(projectPath);
    if (!project) {
      const reason = this.deps.projects.state === 'ready' ? 'unknown' : 'indexing';
      // Said once per reason, not on every runtime sample while the list loads.
      if (this.sentHeader !== `missing:${reason}`) this.post({ type: 'missing', project: projectPath, reason });
      this.sentHeader = `missing:${reason}`;
      this.waiting = true;
      return false;
    }
    this.waiting = false;
    this.panel.title = `${KIND.title}: ${project.name}`;
    const header = projectHeader(project, this.deps.runtime.get(projectPath), this.deps.scores.get(projectPath));
    const key = JSON.stringify(header);
    if (key !== this.sentHeader) this.post({ type: 'header', header });
    this.sentHeader = key;
    return true;
  }

  /** The picker's list, when it changed. */
  private sendProjects(): void {
    const projects = projectChoices(this.deps.projects.all());
    const key = JSON.stringify(projects);
    if (key !== this.sentProjects) this.post({ type: 'projects', projects });
    this.sentProjects = key;
  }

  private sendUsage(): void {
    if (this.current !== null && this.deps.runtime.get(this.current)?.running) this.post({ type: 'usage', project: this.current, samples: this.usage.samples(this.current) });
  }

  /** Asks the server for the project's detail; an answer for a project no longer shown, or overtaken by a newer ask, is dropped. */
  private async loadDetail(): Promise<void> {
    const project = this.current;
    if (project === null || !this.deps.projects.get(project)) return;
    const asked = ++this.detailAsked;
    this.scoredAt = this.deps.scores.get(project)?.analyzedAt ?? null;
    this.post({ type: 'loading', project });
    try {
      const detail = await this.deps.client().sendRequest(ProjectDetailRequest.type, { path: project });
      if (asked !== this.detailAsked || project !== this.current) return;
      const view = detailView(detail);
      const ref = this.nextRef++;
      this.sent = { ref, project, view };
      this.post({ type: 'detail', project, ref, detail: view });
    } catch (error) {
      if (asked !== this.detailAsked || project !== this.current) return;
      this.deps.log.error(`Project detail: reading ${project} failed: ${errorText(error)}`);
      this.post({ type: 'detailFailed', project, message: errorText(error).slice(0, LIMITS.message) });
    }
  }

  /** Reads the project's commits when its repository's head moved since they were last read (or never were). */
  private async loadActivity(): Promise<void> {
    const project = this.current === null ? undefined : this.deps.projects.get(this.current);
    if (!project) return;
    if (!project.git) {
      this.activityKey = `${project.path}@none`;
      return this.post({ type: 'activity', project: project.path, activity: null });
    }
    this.activityKey = `${project.path}@${project.git.head ?? ''}`;
    try {
      const activity = await this.deps.client().sendRequest(ActivityRequest.type, { paths: [project.path] });
      if (project.path !== this.current) return;
      for (const f of activity.failed) this.deps.log.warn(`Project detail: commit activity of ${f.path}: ${f.error}`);
      const failure = activity.failed.find((f) => f.path === project.path);
      if (failure) this.post({ type: 'activityFailed', project: project.path, message: failure.error.slice(0, LIMITS.message) });
      else this.post({ type: 'activity', project: project.path, activity: activityView(activity) });
    } catch (error) {
      if (project.path !== this.current) return;
      this.deps.log.error(`Project detail: commit activity of ${project.path} failed: ${errorText(error)}`);
      this.post({ type: 'activityFailed', project: project.path, message: errorText(error).slice(0, LIMITS.message) });
    }
  }

  private async run(action: RunAction, projectPath: string): Promise<void> {
    // Only the project shown, and only one the client knows: the page's word is not a path to trust.
    const project = this.deps.projects.get(projectPath);
    if (projectPath !== this.current || !project) {
      this.deps.log.warn(`Project detail: asked to ${action} a project it does not show`);
      return this.refuse(`Optimus did not ${action} that project: the panel shows another one now.`);
    }
    try {
      await vscode.commands.executeCommand(ACTION_COMMANDS[action], project.path);
    } finally {
      this.post({ type: 'actionDone', project: project.path, action });
    }
    if (action === 'analyze' && project.path === this.current) await this.loadDetail();
  }

  private async open(command: Extract<ProjectCommand, { type: 'open' }>): Promise<void> {
    const decision = openDecision(this.sent, this.current, command);
    if ('refused' in decision) {
      this.deps.log.warn(`Project detail: refused to open ${command.list} item ${command.index} of ${command.project}: ${decision.refused}`);
      return this.refuse(decision.refused);
    }
    const position = new vscode.Position(decision.line - 1, decision.column - 1);
    await vscode.window.showTextDocument(vscode.Uri.file(decision.file), { selection: new vscode.Range(position, position), preview: true });
  }

  private refuse(message: string): void {
    this.post({ type: 'failed', message: message.slice(0, LIMITS.message) });
  }

  /** An analysis (from here or anywhere else) changes the project's score: the detail is read again. */
  private scoresChanged(): void {
    const current = this.current;
    if (current !== null && this.scoredAt !== undefined && (this.deps.scores.get(current)?.analyzedAt ?? null) !== this.scoredAt && this.panel.visible) void this.loadDetail();
    this.scheduleUpdate();
  }

  /** Sends what changed of the header and the usage, once per burst of model changes. */
  private scheduleUpdate(): void {
    this.updateTimer ??= setTimeout(() => {
      this.updateTimer = undefined;
      if (!this.panel.visible) return;
      this.sendProjects();
      if (this.current === null) return;
      const waited = this.waiting;
      if (!this.sendHeader()) return;
      // The project the page waited for has turned up in the list (a window reload, a scan): everything follows.
      if (waited) return void this.sendAll();
      this.sendUsage();
      this.scheduleActivity();
      this.nextActions.schedule();
    }, UPDATE_MS);
  }

  private scheduleActivity(): void {
    const project = this.current === null ? undefined : this.deps.projects.get(this.current);
    const key = project ? `${project.path}@${project.git ? (project.git.head ?? '') : 'none'}` : null;
    if (key === this.activityKey) return;
    clearTimeout(this.activityTimer);
    this.activityTimer = setTimeout(() => void this.loadActivity(), ACTIVITY_SETTLE_MS);
  }

  /** The page is told something went wrong rather than left waiting. */
  protected override refused(message: ProjectMessage): void {
    if (message.type !== 'failed') this.post({ type: 'failed', message: `Optimus could not show its answer (${message.type}); see the Optimus log.` });
  }
}
