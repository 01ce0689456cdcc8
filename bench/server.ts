/**
 * The real language server (dist/server.js) started as VS Code would, spoken to over LSP on stdio: when the
 * tree can show every project with its branch, when every repository's full git state has arrived, and the
 * server's memory once it has settled. Floors: an empty Node process's first byte, and `initialize`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Project } from '../language-server/model';
import { ProjectsChangedNotification, type IndexState, type ProjectsChangedParams } from '../language-server/protocol';
import { median, memoryOf, REPO, round, run } from './stats';

export interface StartFigures {
  initializeMs: number;
  /** First projectsChanged notification and the state it carried. */
  firstMs: number;
  firstState: IndexState;
  /** First notification after which the client's list holds every project, each repository with its branch. */
  branchesMs: number;
  branchesState: IndexState;
  /** First notification in state 'ready' (the walk is done; the full git state starts then). */
  readyMs: number;
  /** Every repository's full git state (read by this server run, not remembered from the store). */
  gitCompleteMs: number;
  /** gitCompleteMs − readyMs: the full git state's own time inside the server. */
  gitAfterReadyMs: number;
  rssMb: number;
  hwmMb: number;
}

export interface ServerFigures {
  built: boolean;
  samples: number;
  /** Spawn to first byte of `node -e` that writes at once: what Node's own startup costs. */
  nodeFirstByteMs: number;
  emptyStore: StartFigures;
  warmStore: StartFigures;
}

const SAMPLES = 3;
const QUIET_MS = 1000;
const TIMEOUT_MS = 60_000;

export async function measureServer(root: string, expected: Project[], log: (line: string) => void): Promise<ServerFigures> {
  const built = await buildIfStale(log);
  // Into the page cache (an earlier part of the run may have dropped it): the first start must not read the disk.
  await Promise.all(['server.js', 'sql-wasm.wasm'].map((f) => readFile(path.join(REPO, 'dist', f))));
  const firstBytes: number[] = [];
  for (let i = 0; i < 5; i++) firstBytes.push(await nodeFirstByte());
  const empty: StartFigures[] = [];
  const warm: StartFigures[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'optimus-bench-store-'));
    try {
      log(`server: start ${i + 1}/${SAMPLES} with an empty store, then again with the store it left`);
      empty.push(await startOnce(root, path.join(dir, 'optimus.sqlite'), expected));
      warm.push(await startOnce(root, path.join(dir, 'optimus.sqlite'), expected));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { built, samples: SAMPLES, nodeFirstByteMs: round(median(firstBytes)), emptyStore: medians(empty), warmStore: medians(warm) };
}

function medians(xs: StartFigures[]): StartFigures {
  const num = (k: keyof StartFigures): number => round(median(xs.map((x) => x[k] as number)));
  const state = (k: 'firstState' | 'branchesState'): IndexState => (xs.every((x) => x[k] === xs[0]?.[k]) ? (xs[0]?.[k] ?? 'starting') : 'starting');
  return {
    initializeMs: num('initializeMs'),
    firstMs: num('firstMs'),
    firstState: state('firstState'),
    branchesMs: num('branchesMs'),
    branchesState: state('branchesState'),
    readyMs: num('readyMs'),
    gitCompleteMs: num('gitCompleteMs'),
    gitAfterReadyMs: num('gitAfterReadyMs'),
    rssMb: num('rssMb'),
    hwmMb: num('hwmMb'),
  };
}

/** `npm run build` when dist/server.js is missing or older than a source of the server. */
async function buildIfStale(log: (line: string) => void): Promise<boolean> {
  const bundle = await stat(path.join(REPO, 'dist', 'server.js')).catch(() => null);
  const newest = await newestMtime(path.join(REPO, 'language-server'));
  if (bundle && bundle.mtimeMs >= newest) return false;
  log('server: dist/server.js is missing or older than the sources; running npm run build');
  await run('npm', ['run', 'build']);
  return true;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|json)$/.test(entry.name)) continue;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

function nodeFirstByte(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("x"); process.stdin.resume()'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.stdout.once('data', () => {
      resolve(performance.now() - t0);
      child.kill();
    });
  });
}

/** The client's view of the list, and when it first reached each milestone (ms after the spawn). */
class Milestones {
  readonly out: Partial<StartFigures> = {};
  lastChangeMs = 0;
  private readonly view = new Map<string, Project>();
  private readonly repos: string[];
  /** Repositories whose full state arrived after the walk (not the one remembered by the store). */
  private readonly fresh = new Set<string>();
  private ready = false;

  constructor(private readonly expected: Project[], private readonly onGitComplete: () => void) {
    this.repos = expected.filter((p) => p.git !== null).map((p) => p.path);
  }

  apply(change: ProjectsChangedParams, ms: number): void {
    const { out, view } = this;
    this.lastChangeMs = ms;
    if (change.full) view.clear();
    for (const p of change.updated) view.set(p.path, p);
    for (const p of change.removed) view.delete(p);
    if (out.firstMs === undefined) [out.firstMs, out.firstState] = [ms, change.state];
    if (out.branchesMs === undefined && this.expected.every((p) => view.has(p.path)) && this.repos.every((r) => view.get(r)?.git?.branch)) {
      [out.branchesMs, out.branchesState] = [ms, change.state];
    }
    if (this.ready && !change.full) for (const p of change.updated) if (p.git?.complete) this.fresh.add(p.path);
    if (!this.ready && change.state === 'ready') [this.ready, out.readyMs] = [true, ms];
    if (out.gitCompleteMs === undefined && this.ready && this.repos.every((r) => this.fresh.has(r))) {
      [out.gitCompleteMs, out.gitAfterReadyMs] = [ms, ms - (out.readyMs ?? 0)];
      this.onGitComplete();
    }
  }
}

async function startOnce(root: string, storePath: string, expected: Project[]): Promise<StartFigures> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let gitComplete = (): void => undefined;
  const done = new Promise<void>((resolve, reject) => {
    gitComplete = resolve;
    child.once('exit', () => reject(new Error('the server exited before every git state was in')));
  });
  const seen = new Milestones(expected, gitComplete);
  connection.onNotification(ProjectsChangedNotification.type, (change) => seen.apply(change, performance.now() - t0));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ roots: [root] })));
  connection.listen();
  const timeout = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS).unref();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { storePath, trusted: true },
  });
  seen.out.initializeMs = performance.now() - t0;
  await connection.sendNotification('initialized', {});
  await done;
  while (performance.now() - t0 - seen.lastChangeMs < QUIET_MS) await new Promise((r) => setTimeout(r, 100)); // lockfiles and the store settle
  Object.assign(seen.out, memoryOf(child.pid as number));
  clearTimeout(timeout);
  await stopServer(child, connection);
  return seen.out as StartFigures;
}

/** shutdown + exit, SIGKILL after 5 s. */
export async function stopServer(child: ReturnType<typeof spawn>, connection: ReturnType<typeof createProtocolConnection>): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(kill);
  connection.dispose();
}
