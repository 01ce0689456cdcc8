/**
 * Just enough of VS Code for the Money panel's host to run in Node: a stand-in `vscode` module (the calls the
 * host makes are recorded), a webview panel whose page is the test, a project list and a language client
 * whose answers the test gives. The host's own code runs unchanged.
 */
import Module from 'node:module';
import type { Project } from '../../../language-server/model';

type Listener = (...args: unknown[]) => void;
const disposable = { dispose: () => undefined };

/** What the host asked of VS Code, and what VS Code answers it. */
export const vscodeCalls = {
  executed: [] as unknown[][],
  warnings: [] as string[],
  /** The button the user presses in the next modal warning; undefined closes it. */
  warningAnswer: undefined as string | undefined,
  panels: [] as FakePanel[],
};

export class FakePanel {
  visible = true;
  readonly title = 'Optimus Money';
  /** What the host posted to the page, copied as VS Code copies it. */
  readonly posted: Array<Record<string, unknown>> = [];
  private readonly listeners = new Map<string, Listener[]>();

  readonly webview = {
    options: {},
    html: '',
    cspSource: 'https://webview.test',
    asWebviewUri: (uri: unknown) => uri,
    postMessage: async (message: unknown) => {
      this.posted.push(JSON.parse(JSON.stringify(message)) as Record<string, unknown>);
      return true;
    },
    onDidReceiveMessage: (fn: Listener) => this.on('message', fn),
  };

  onDidDispose = (fn: Listener) => this.on('dispose', fn);
  onDidChangeViewState = (fn: Listener) => this.on('viewState', fn);
  reveal(): void {}
  dispose(): void {}

  /** A message from the page. */
  fromPage(message: unknown): void {
    for (const fn of this.listeners.get('message') ?? []) fn(message);
  }

  hide(): void {
    this.visible = false;
    for (const fn of this.listeners.get('viewState') ?? []) fn();
  }

  ofType(type: string): Array<Record<string, unknown>> {
    return this.posted.filter((m) => m.type === type);
  }

  private on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return disposable;
  }
}

const stub = {
  commands: { executeCommand: async (...args: unknown[]) => void vscodeCalls.executed.push(args) },
  window: {
    showWarningMessage: async (message: string) => {
      vscodeCalls.warnings.push(message);
      return vscodeCalls.warningAnswer;
    },
    createWebviewPanel: () => {
      const panel = new FakePanel();
      vscodeCalls.panels.push(panel);
      return panel;
    },
    registerWebviewPanelSerializer: () => disposable,
  },
  Uri: { joinPath: (base: unknown, ...parts: string[]) => ({ toString: () => [String(base), ...parts].join('/') }) },
  ViewColumn: { Active: -1, Beside: -2 },
};

/** Every other name the host's imports touch at load time (a TreeItem to extend) is an empty class. */
const vscodeModule = new Proxy(stub, { get: (target, key) => (key in target ? target[key as keyof typeof stub] : class {}) });

type Loader = { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
let originalResolve: Loader['_resolveFilename'] | undefined;

/** Makes `require('vscode')` answer the stand-in; call before the host's module is loaded. */
export function installVscodeStub(): void {
  const loader = Module as unknown as Loader;
  if (originalResolve) return;
  const resolve = (originalResolve = loader._resolveFilename);
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  loader._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeModule };
}

/** Leaves `require('vscode')` as it was, for the test files that run after in the same process. */
export function uninstallVscodeStub(): void {
  const loader = Module as unknown as Loader;
  if (!originalResolve) return;
  loader._resolveFilename = originalResolve;
  originalResolve = undefined;
  delete loader._cache.vscode;
}

/** The client's project list, changed by the test. */
export class FakeProjects {
  state: 'starting' | 'stored' | 'scanning' | 'ready' = 'ready';
  private projects: Project[];
  private readonly listeners: Listener[] = [];

  constructor(paths: string[]) {
    this.projects = paths.map(project);
  }

  all(): Project[] {
    return [...this.projects];
  }
  get(path: string): Project | undefined {
    return this.projects.find((p) => p.path === path);
  }
  onDidChange = (fn: Listener) => {
    this.listeners.push(fn);
    return disposable;
  };

  /** Replaces the project objects (as a rescan does) and fires the change. */
  set(paths: string[]): void {
    this.projects = paths.map(project);
    for (const fn of this.listeners) fn();
  }
}

function project(path: string): Project {
  return { path, name: path.split('/').pop() ?? path, parent: null } as Project;
}

/** A request the host sent to the server. */
export interface SentRequest {
  method: string;
  params: Record<string, unknown>;
}

/** The language client: each request is answered by `answer` (which may wait, or throw as the server refuses). */
export class FakeClient {
  readonly sent: SentRequest[] = [];

  constructor(public answer: (request: SentRequest) => Promise<unknown>) {}

  sendRequest(type: { method: string }, params: Record<string, unknown>): Promise<unknown> {
    const request = { method: type.method, params };
    this.sent.push(request);
    return this.answer(request);
  }
}

export class FakeLog {
  readonly lines: string[] = [];
  info = (line: string) => void this.lines.push(`info: ${line}`);
  warn = (line: string) => void this.lines.push(`warn: ${line}`);
  error = (line: string) => void this.lines.push(`error: ${line}`);
}
