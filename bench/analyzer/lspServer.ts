/**
 * The real language server (dist/server.js) as VS Code starts it, on stdio, with Optimus settings answered over
 * workspace/configuration, its own store and OPTIMUS_HOME (the ESLint cache) in a temp folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { AnalyzeProjectRequest, ProjectsChangedNotification, type AnalysisSummary } from '../../language-server/protocol';
import { listPids, readArgv, readStat } from '../../language-server/scanner/runtime/procfs';
import { memoryOf, REPO, run } from '../stats';
import { stopServer } from '../server';

const TIMEOUT_MS = 120_000;
/** Every server started and not yet stopped: killed when the benchmark exits, however it exits. */
const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));

/** `npm run build` when dist/server.js is missing or older than a source of the server. */
export async function buildIfStale(log: (line: string) => void): Promise<boolean> {
  const bundle = await stat(path.join(REPO, 'dist', 'server.js')).catch(() => null);
  let newest = 0;
  for (const e of await readdir(path.join(REPO, 'language-server'), { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(ts|json)$/.test(e.name)) newest = Math.max(newest, (await stat(path.join(e.parentPath, e.name))).mtimeMs);
  }
  if (bundle && bundle.mtimeMs >= newest) return false;
  log('server: dist/server.js is missing or older than the sources; running npm run build');
  await run('npm', ['run', 'build']);
  return true;
}

function deadline<T>(work: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface ServerOptions {
  project: string;
  lint: boolean;
  storePath: string;
  home: string;
}

export class LspServer {
  /** Server warnings (window/logMessage), e.g. an analysis that failed. */
  readonly warnings: string[] = [];
  private readonly waiters = new Map<string, (at: number) => void>();
  private stderr = '';

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  get pid(): number {
    return this.child.pid as number;
  }

  /** Spawns, initializes, and resolves once the first walk is done and `project` is in the list. */
  static async start(o: ServerOptions): Promise<LspServer> {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, OPTIMUS_HOME: o.home } });
    live.add(child);
    child.once('exit', () => live.delete(child));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspServer(child, connection);
    child.stderr!.on('data', (d: Buffer) => (server.stderr = (server.stderr + d.toString('utf8')).slice(-4000)));
    const settings = { roots: [o.project], containers: { enabled: false }, analysis: { lint: o.lint } };
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => void (m.type <= 2 && server.warnings.push(m.message)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => server.waiters.get(`${p.uri}#${p.version}`)?.(performance.now()));
    const known = new Set<string>();
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${server.stderr.trim()}`)));
      connection.onNotification(ProjectsChangedNotification.type, (change) => {
        if (change.full) known.clear();
        for (const p of change.updated) known.add(p.path);
        for (const p of change.removed) known.delete(p);
        if (change.state === 'ready' && known.has(o.project)) resolve();
      });
    });
    connection.listen();
    try {
      await deadline(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, workspaceFolders: true } }, initializationOptions: { storePath: o.storePath, trusted: true } }), 'initialize');
      await connection.sendNotification('initialized', {});
      await deadline(ready, `${o.project} in the project list`);
    } catch (e) {
      await server.stop();
      throw e;
    }
    return server;
  }

  /** Sends `send` and resolves with the ms until the diagnostics of (uri, version) arrive. */
  async diagnosticsAfter(uri: string, version: number, send: () => Promise<void>): Promise<number> {
    const key = `${uri}#${version}`;
    const arrived = new Promise<number>((resolve) => this.waiters.set(key, resolve));
    const start = performance.now();
    await send();
    const at = await deadline(arrived, `diagnostics of version ${version}`).finally(() => this.waiters.delete(key));
    return at - start;
  }

  open(uri: string, text: string): Promise<number> {
    return this.diagnosticsAfter(uri, 1, () => this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text } }));
  }

  /** Inserts `insert` at (line, character), as a keystroke batch would. */
  change(uri: string, version: number, at: { line: number; character: number }, insert: string): Promise<number> {
    const contentChanges = [{ range: { start: at, end: at }, text: insert }];
    return this.diagnosticsAfter(uri, version, () => this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }));
  }

  /**
   * optimus/analyzeProject with the memory of the server and of its lint host (the child that runs ESLint and
   * type checks) sampled every 20 ms meanwhile; `hostHwm` is 0 when no lint host ran.
   */
  async analyzeProject(project: string): Promise<{ summary: AnalysisSummary; ms: number; before: number; peakRss: number; hwm: number; hostHwm: number; peakTotal: number }> {
    const before = memoryOf(this.pid).rssMb;
    let peakRss = before;
    let peakTotal = before;
    const sample = (): void => {
      const server = memoryOf(this.pid).rssMb;
      const host = this.lintHost();
      peakRss = Math.max(peakRss, server);
      peakTotal = Math.max(peakTotal, server + (host ? memoryOf(host).rssMb : 0));
    };
    const sampler = setInterval(sample, 20);
    const start = performance.now();
    try {
      const summary = await deadline(this.connection.sendRequest(AnalyzeProjectRequest.type, { path: project }), 'optimus/analyzeProject');
      const ms = performance.now() - start;
      sample();
      const host = this.lintHost();
      return { summary, ms, before, peakRss, hwm: memoryOf(this.pid).hwmMb, hostHwm: host ? memoryOf(host).hwmMb : 0, peakTotal };
    } finally {
      clearInterval(sampler);
    }
  }

  private lintHost(): number | undefined {
    return listPids().find((p) => readStat(p)?.ppid === this.pid && readArgv(p).argv.some((a) => a.includes('lintHost')));
  }

  /** shutdown + exit, SIGKILL after 5 s; safe to call twice. */
  async stop(): Promise<void> {
    const { child, connection } = this;
    if (child.exitCode === null && child.signalCode === null) await stopServer(child, connection);
    else connection.dispose();
  }
}
