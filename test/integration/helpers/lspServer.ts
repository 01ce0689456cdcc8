import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Project } from '../../../language-server/model';
import {
  ProjectsChangedNotification,
  RunExitNotification,
  RunOutputNotification,
  RuntimeChangedNotification,
  ServerMessageNotification,
  type ProjectsChangedParams,
  type RunInfo,
  type RuntimeChangedParams,
  type ServerMessageParams,
} from '../../../language-server/protocol';

const REPO = path.resolve(__dirname, '../../..');

/**
 * The real language server in its own process, spoken to over LSP on stdio, the way VS Code's client does
 * (the server's transport is the only difference). It keeps the client's view of the project list.
 */
export class LspServer {
  readonly projects = new Map<string, Project>();
  readonly changes: ProjectsChangedParams[] = [];
  readonly messages: ServerMessageParams[] = [];
  readonly runtime: RuntimeChangedParams[] = [];
  readonly output = new Map<string, string>();
  readonly exits: RunInfo[] = [];
  /** What the server wrote to stderr, when started with `captureStderr` (otherwise it goes to the test's). */
  stderr = '';
  private waiters: Array<() => void> = [];

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  /** Starts the server from the TypeScript sources and completes the LSP handshake. */
  static async start(opts: { storePath: string; settings: unknown; workspaceFolders?: string[]; env?: NodeJS.ProcessEnv; trusted?: boolean; captureStderr?: boolean; folderEvents?: boolean }): Promise<LspServer> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'language-server/server.ts'), '--stdio'], {
      cwd: REPO,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', opts.captureStderr ? 'pipe' : 'inherit'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspServer(child, connection);
    child.stderr?.on('data', (d: Buffer) => (server.stderr += d.toString('utf8')));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => opts.settings));
    connection.onNotification(ProjectsChangedNotification.type, (change) => server.apply(change));
    connection.onNotification(ServerMessageNotification.type, (m) => server.note(m));
    connection.onNotification(RuntimeChangedNotification.type, (r) => (server.runtime.push(r), server.wake()));
    connection.onNotification(RunOutputNotification.type, ({ runId, data }) => (server.output.set(runId, (server.output.get(runId) ?? '') + data), server.wake()));
    connection.onNotification(RunExitNotification.type, (run) => (server.exits.push(run), server.wake()));
    connection.listen();
    const folders = (opts.workspaceFolders ?? []).map((f) => ({ uri: `file://${f}`, name: path.basename(f) }));
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, workspaceFolders: opts.folderEvents ?? true } },
      initializationOptions: { storePath: opts.storePath, trusted: opts.trusted ?? true },
      workspaceFolders: folders,
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  /** Resolves when `check` holds for the client's view, or rejects after `timeoutMs` with what was seen. */
  async until(what: string, check: () => boolean, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; projects: ${[...this.projects.keys()].join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  byName(name: string): Project | undefined {
    return [...this.projects.values()].find((p) => p.name === name);
  }

  /** What runs for the project as last notified. */
  running(path: string) {
    return this.runtime.at(-1)?.projects.find((p) => p.path === path);
  }

  get lastState(): string | undefined {
    return this.changes.at(-1)?.state;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    await this.exited(2000);
  }

  /** Waits for the process to end, killing it when it takes longer than `graceMs`. */
  private async exited(graceMs: number): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  /** Kills the process without a word, as a crash would. */
  async crash(): Promise<void> {
    this.connection.dispose();
    this.child.kill('SIGKILL');
    await this.exited(0);
  }

  private apply(change: ProjectsChangedParams): void {
    this.changes.push(change);
    if (change.full) this.projects.clear();
    for (const p of change.updated) this.projects.set(p.path, p);
    for (const p of change.removed) this.projects.delete(p);
    this.wake();
  }

  private note(message: ServerMessageParams): void {
    this.messages.push(message);
    this.wake();
  }

  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}

/** After a test: its server stopped, then the processes it left behind (listed by pid) killed, so none outlives it. */
export async function stopServerAndLeftovers(server: LspServer | null, leftovers: number[]): Promise<void> {
  await server?.stop();
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
