import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  ListProjectsRequest,
  MonitorModeNotification,
  ProgressNotification,
  ProjectsChangedNotification,
  ProjectScoresNotification,
  RunExitNotification,
  RunOutputNotification,
  RuntimeChangedNotification,
  ServerMessageNotification,
} from '../language-server/protocol';
import type { RunInfo } from '../language-server/protocol';
import type { ScoresModel } from './analysis/scoresModel';
import { createMessageSink } from './messages';
import { routeProgress } from './progress';
import type { ProjectsModel } from './projectsModel';
import type { RunTerminals } from './runtime/runTerminals';
import type { RuntimeModel } from './runtime/runtimeModel';
import { createServerClient } from './serverClient';

export interface Sinks {
  projects: ProjectsModel;
  runtime: RuntimeModel;
  scores: ScoresModel;
  terminals: () => RunTerminals | undefined;
  log: vscode.LogOutputChannel;
  /** A run Optimus started has ended (the troubleshooter looks at crashes). */
  runExited?: (run: RunInfo) => void;
}

/**
 * The language client and what its notifications feed. Restarts the server with new options when the
 * workspace becomes trusted; after a crash the client library restarts it and the fresh list replaces ours.
 */
export class ServerConnection implements vscode.Disposable {
  private current: LanguageClient;
  private readonly tell: ReturnType<typeof createMessageSink>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly sinks: Sinks) {
    this.tell = createMessageSink(sinks.log);
    this.current = this.create();
    this.subscriptions.push(
      vscode.window.onDidChangeWindowState((s) => void this.current.sendNotification(MonitorModeNotification.type, { focused: s.focused }).catch(() => undefined)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()),
    );
  }

  get client(): LanguageClient {
    return this.current;
  }

  async start(): Promise<void> {
    try {
      await this.current.start();
    } catch (error) {
      this.tell({ severity: 'error', message: `The Optimus server did not start: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    void this.current.dispose();
  }

  private async restart(): Promise<void> {
    await this.current.dispose();
    this.current = this.create();
    await this.start();
  }

  private create(): LanguageClient {
    const client = createServerClient(this.context, this.sinks.log);
    const { projects, runtime, terminals } = this.sinks;
    client.onNotification(ProjectsChangedNotification.type, (change) => projects.apply(change));
    client.onNotification(ServerMessageNotification.type, this.tell);
    client.onNotification(RuntimeChangedNotification.type, (params) => runtime.apply(params));
    client.onNotification(RunOutputNotification.type, ({ runId, data }) => terminals()?.output(runId, data));
    client.onNotification(RunExitNotification.type, (run) => {
      terminals()?.exited(run);
      this.sinks.runExited?.(run);
    });
    client.onNotification(ProgressNotification.type, routeProgress);
    client.onNotification(ProjectScoresNotification.type, ({ scores }) => this.sinks.scores.apply(scores));
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void this.afterStart(client);
    });
    return client;
  }

  private async afterStart(client: LanguageClient): Promise<void> {
    try {
      await client.sendNotification(MonitorModeNotification.type, { focused: vscode.window.state.focused });
      this.sinks.projects.replace(await client.sendRequest(ListProjectsRequest.type));
    } catch (error) {
      this.sinks.log.warn(`Could not list projects: ${String(error)}`);
    }
  }
}
