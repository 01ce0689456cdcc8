/**
 * The client's models as the Project detail and Portfolio hosts read them (projects, scores, runtime), changed
 * by the test, and a language client that answers their requests. Used with the stand-in `vscode` module and
 * the webview panel of moneyHost.ts, so the hosts' own code runs unchanged in Node.
 */
import type { Recommendation } from '../../../language-server/advisor/recommend/recommendation';
import type { ProjectDetail } from '../../../language-server/analyzer/detail/projectDetailTypes';
import type { GitState, Project, ProjectRuntime } from '../../../language-server/model';
import type { ProjectScore } from '../../../language-server/protocol';
import { FakeClient, installVscodeStub, type SentRequest } from './moneyHost';

/**
 * The stand-in `vscode` module, with the classes the Next actions view makes when its module loads (the hosts
 * import its command table): a bundler's interop copies only the names the stand-in has.
 */
export function installHostStub(): void {
  installVscodeStub();
  const stub = require('vscode') as Record<string, unknown>;
  // Asked with `in`: the stand-in answers a class for any name it lacks, so a read would never be undefined.
  for (const name of ['ThemeIcon', 'ThemeColor', 'EventEmitter', 'TreeItem', 'MarkdownString']) if (!(name in stub)) stub[name] = class {};
}

type Listener = () => void;
const disposable = { dispose: () => undefined };

class Emitter {
  private readonly listeners: Listener[] = [];
  onDidChange = (fn: Listener) => {
    this.listeners.push(fn);
    return disposable;
  };
  protected fire(): void {
    for (const fn of this.listeners) fn();
  }
}

function git(over: Partial<GitState> = {}): GitState {
  return {
    branch: 'main', head: 'a'.repeat(40), detached: false, dirty: true, changedFiles: 2, untrackedFiles: 1, upstream: 'origin/main', ahead: 1, behind: 0,
    lastCommit: { hash: 'a'.repeat(40), date: '2025-03-01T10:00:00.000Z', subject: 'Ship it' }, commitsLast30Days: 4, remoteUrl: null, complete: true, ...over,
  };
}

export function fullProject(path: string, over: Partial<Project> = {}): Project {
  return {
    name: path.split('/').pop() ?? path, path, root: '/home/dev/projects', stack: { languages: ['typescript'], frameworks: [], packageManagers: ['npm'] },
    git: git(), dependencies: { count: 0, manifests: [] }, children: [], parent: null, findings: [], scannedAt: '2025-03-02T00:00:00.000Z', ...over,
  };
}

/** The client's project list; `touch` replaces one project's object as a rescan of it does. */
export class FakeProjectList extends Emitter {
  state: 'starting' | 'stored' | 'scanning' | 'ready' = 'ready';
  private readonly byPath = new Map<string, Project>();

  constructor(paths: readonly string[]) {
    super();
    for (const p of paths) this.byPath.set(p, fullProject(p));
  }
  all(): Project[] {
    return [...this.byPath.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  get(path: string): Project | undefined {
    return this.byPath.get(path);
  }
  touch(path: string, over: Partial<Project> = {}): void {
    this.byPath.set(path, fullProject(path, over));
    this.fire();
  }
}

export class FakeScores extends Emitter {
  private readonly byPath = new Map<string, ProjectScore>();
  get(path: string): ProjectScore | undefined {
    return this.byPath.get(path);
  }
  analyzed(path: string, at: string): void {
    this.byPath.set(path, { path, health: 70, debtRating: 'C', debtMinutes: 600, analyzedAt: at });
    this.fire();
  }
}

/** What runs: `sample` sets one running project's CPU (a runtime sample), the others kept; `set` replaces everything. */
export class FakeRuntime extends Emitter {
  private byPath = new Map<string, ProjectRuntime>();
  get(path: string): ProjectRuntime | undefined {
    return this.byPath.get(path);
  }
  running(): ProjectRuntime[] {
    return [...this.byPath.values()].filter((r) => r.running);
  }
  set(runtimes: readonly ProjectRuntime[]): void {
    this.byPath = new Map(runtimes.map((r) => [r.path, r]));
    this.fire();
  }
  sample(path: string, cpuPercent: number): void {
    const others = [...this.byPath.values()].filter((r) => r.path !== path);
    this.set([...others, { path, running: true, pids: [41], ports: [3000], cpuPercent, memoryBytes: 1e8, containerIds: [] }]);
  }
}

export function emptyDetail(path: string): ProjectDetail {
  return { path, name: path.split('/').pop() ?? path, analyzedAt: null, trend: [], files: [], functions: [], findings: [], findingCounts: { quality: 0, security: 0, performance: 0, debt: 0 }, dependencies: [], notes: [] };
}

/**
 * A language client for the two hosts: the detail and the activity are empty, the advice is what `advice`
 * returns for the request's path (undefined for the portfolio's), or the error it throws.
 */
export function adviceClient(advice: (path: string | undefined) => Recommendation[]): FakeClient {
  return new FakeClient(async (r: SentRequest) => {
    if (r.method === 'optimus/advise') return advice(typeof r.params.path === 'string' ? r.params.path : undefined);
    if (r.method === 'optimus/projectDetail') return emptyDetail(String(r.params.path));
    if (r.method === 'optimus/activity') return { from: '2025-01-01', to: '2025-12-31', days: [], byProject: [], failed: [] };
    throw new Error(`no answer for ${r.method}`);
  });
}

export const adviseRequests = (client: FakeClient): SentRequest[] => client.sent.filter((r) => r.method === 'optimus/advise');
