import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ProjectRuntime, RuntimeSnapshot } from '../../language-server/model';
import { RuntimeSnapshotRequest } from '../../language-server/protocol';
import { isRuntimeCommand, isRuntimeMessage, LIMITS, type RuntimeCommand, type RuntimeMessage, type RuntimeView } from '../../webviews/runtime/protocol';
import { errorText } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import type { RuntimeModel } from '../runtime/runtimeModel';
import { PanelHost, type PanelKind } from './panelHost';
import { PANELS } from './panelKinds';
import { RuntimeFeed } from './runtimeFeed';
import { detailsKey, runtimeView } from './runtimeModels';

export interface RuntimePanelDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  runtime: RuntimeModel;
  log: vscode.LogOutputChannel;
}

const KIND: PanelKind<RuntimeCommand, RuntimeMessage> = {
  ...PANELS.runtime,
  isCommand: isRuntimeCommand,
  isMessage: isRuntimeMessage,
};

/**
 * The host side of the Runtime monitor: it feeds the page the running projects and their last ten minutes of
 * CPU and memory (runtimeFeed.ts decides what and when), reads the processes and containers from the server
 * when they change, and stops a project, opens a port or diagnoses a crash the page names (only one the
 * runtime model lists).
 */
export class RuntimePanel extends PanelHost<RuntimeCommand, RuntimeMessage> {
  static readonly viewType = KIND.viewType;

  private readonly feed: RuntimeFeed;
  private snapshot: RuntimeSnapshot | undefined;
  private snapshotError: string | null = null;
  /** The processes and containers the snapshot was read for; null reads it again. */
  private snapshotKey: string | null = null;
  private reading = false;

  /** Opens the monitor, or brings the open one to the front. */
  static show(context: vscode.ExtensionContext, deps: RuntimePanelDeps): RuntimePanel {
    return PanelHost.reveal<RuntimePanel>(KIND.viewType) ?? new RuntimePanel(PanelHost.createPanel(context, KIND), deps);
  }

  /** Makes the host again around a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, deps: RuntimePanelDeps): RuntimePanel {
    return new RuntimePanel(panel, deps);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: RuntimePanelDeps,
  ) {
    super(panel, KIND, deps.log);
    this.feed = new RuntimeFeed({
      view: () => this.view(),
      post: (message) => this.post(message),
      visible: () => panel.visible,
      now: Date.now,
      schedule: (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
      sent: () => this.pageHasSeen(),
    });
    this.disposables.push(
      deps.runtime.onDidChange(() => this.feed.changed(true)),
      // Names only: a scan's changes are no sample.
      deps.projects.onDidChange(() => this.feed.changed(false)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.feed.hidden();
      }),
    );
  }

  protected override released(): void {
    this.feed.dispose();
  }

  protected override failed(_command: RuntimeCommand, error: unknown): void {
    this.post({ type: 'failed', message: `Optimus could not do that: ${errorText(error)}`.slice(0, LIMITS.text) });
  }

  protected async handle(command: RuntimeCommand): Promise<void> {
    switch (command.type) {
      case 'ready':
        this.snapshotKey = null; // what ran while the page was hidden is read again
        return this.feed.pageShown();
      case 'stop': {
        // The Stop command asks first when Optimus did not start the project.
        if (!this.runtimeOf(command.path)?.running) return this.refuse(`${this.nameOf(command.path)} is not running any more.`);
        await vscode.commands.executeCommand('optimus.stop', command.path);
        return;
      }
      case 'openPort': {
        // Only a port the model says the project listens on: the page's word is not a URL to trust.
        if (!this.runtimeOf(command.path)?.ports.includes(command.port)) return this.refuse(`${this.nameOf(command.path)} does not listen on port ${command.port} any more.`);
        await vscode.env.openExternal(vscode.Uri.parse(`http://localhost:${command.port}`));
        return;
      }
      case 'diagnose':
        if (!this.crashOf(command.path)) return this.refuse(`Optimus knows of no crash of ${this.nameOf(command.path)}.`);
        // What the Next Actions view runs for a crash: the troubleshooting console.
        await vscode.commands.executeCommand('optimus.showTroubleshootingConsole', command.path);
        return;
      case 'showOutput':
        if (!this.runtimeOf(command.path)) return this.refuse(`${this.nameOf(command.path)} is not running and did not crash.`);
        await vscode.commands.executeCommand('optimus.showOutput', command.path);
        return;
      case 'start':
        await vscode.commands.executeCommand('optimus.start');
        return;
    }
  }

  /** The shown page lists every crash: the user has seen them, as when the Runtime view is shown. */
  private pageHasSeen(): void {
    if (this.deps.runtime.unseenCrashes().length > 0) this.deps.runtime.markCrashesSeen();
    void this.readDetails();
  }

  /**
   * Reads every process and container when the running projects' processes or containers changed (the
   * commands and container rows come only from the snapshot); one read at a time, a failure not retried until
   * they change again.
   */
  private async readDetails(): Promise<void> {
    const key = detailsKey(this.runtimes(), this.deps.runtime.docker);
    if (this.reading || key === this.snapshotKey) return;
    this.reading = true;
    this.snapshotKey = key;
    try {
      this.snapshot = await this.deps.client().sendRequest(RuntimeSnapshotRequest.type);
      this.snapshotError = null;
    } catch (error) {
      this.deps.log.warn(`${KIND.label}: could not read the processes and containers: ${errorText(error)}`);
      this.snapshotError = errorText(error).split('\n')[0] ?? '';
    } finally {
      this.reading = false;
    }
    this.feed.changed(false);
  }

  private refuse(message: string): void {
    this.deps.log.warn(`${KIND.label}: refused: ${message}`);
    this.post({ type: 'failed', message: message.slice(0, LIMITS.text) });
  }

  private view(): RuntimeView {
    return runtimeView({ runtimes: this.runtimes(), docker: this.deps.runtime.docker, nameOf: (p) => this.nameOf(p), snapshot: this.snapshot, snapshotError: this.snapshotError });
  }

  /**
   * Running projects and those whose last run crashed. The model lists crashes by project, so the known
   * projects are asked for theirs.
   */
  private runtimes(): ProjectRuntime[] {
    const { runtime, projects } = this.deps;
    const running = runtime.running();
    const listed = new Set(running.map((r) => r.path));
    const crashed = projects
      .all()
      .map((p) => runtime.get(p.path))
      .filter((r): r is ProjectRuntime => r !== undefined && !listed.has(r.path) && r.crashed !== undefined);
    return [...running, ...crashed];
  }

  private runtimeOf(projectPath: string): ProjectRuntime | undefined {
    return this.deps.runtime.get(projectPath);
  }

  private crashOf(projectPath: string): ProjectRuntime['crashed'] {
    const r = this.runtimeOf(projectPath);
    return r && !r.running ? r.crashed : undefined;
  }

  /** A project's name; a path the models do not know is not echoed back. */
  private nameOf(projectPath: string): string {
    return this.deps.projects.get(projectPath)?.name ?? (this.runtimeOf(projectPath) ? path.basename(projectPath) : 'That project');
  }
}
