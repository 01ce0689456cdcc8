import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { Engine } from './engine';
import { registerApi } from './api/lspApi';
import { registerDocumentHandlers } from './serverDocuments';
import { registerEngineHandlers } from './serverRequests';
import {
  ListProjectsRequest,
  ProgressNotification,
  ProjectsChangedNotification,
  ProjectScoresNotification,
  RescanRequest,
  RunExitNotification,
  RunOutputNotification,
  RuntimeChangedNotification,
  ServerMessageNotification,
  type InitOptions,
  type ServerMessageParams,
} from './protocol';

/** LSP wiring only: requests and notifications in, engine calls out. */
const connection = createConnection(ProposedFeatures.all);
let engine: Engine | null = null;
let engineStarting: Promise<Engine> | null = null;
let workspaceFolders: string[] = [];
let initOptions: InitOptions = { trusted: false };
let clientHasFolderEvents = false;

const documents = new TextDocuments(TextDocument);
const tell = (params: ServerMessageParams): void => void connection.sendNotification(ServerMessageNotification.type, params);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  initOptions = { trusted: false, ...(params.initializationOptions as Partial<InitOptions> | undefined) };
  workspaceFolders = filePaths((params.workspaceFolders ?? []).map((f) => f.uri));
  clientHasFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'optimus', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  engineStarting = Engine.start({
    storePath: initOptions.storePath,
    settings: () => connection.workspace.getConfiguration('optimus'),
    workspaceFolders: () => workspaceFolders,
    onChange: (change) => void connection.sendNotification(ProjectsChangedNotification.type, change),
    onMessage: tell,
    trusted: initOptions.trusted,
    onRuntime: (change) => void connection.sendNotification(RuntimeChangedNotification.type, change),
    onRunOutput: (runId, data) => void connection.sendNotification(RunOutputNotification.type, { runId, data }),
    onRunExit: (run) => void connection.sendNotification(RunExitNotification.type, run),
    onProgress: (progress) => void connection.sendNotification(ProgressNotification.type, progress),
    analyzer: {
      document: (uri) => documents.get(uri),
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, ...(version === undefined ? {} : { version }), diagnostics }),
      applyEdit: async (edit) => (await connection.workspace.applyEdit(edit)).applied,
      onScores: (scores) => void connection.sendNotification(ProjectScoresNotification.type, { scores }),
      onError: (message) => connection.console.warn(message),
    },
  });
  engine = await engineStarting;
  void api.update();
  const scores = await engine.storedScores().catch(() => []);
  if (scores.length > 0) void connection.sendNotification(ProjectScoresNotification.type, { scores });
  // Asking for folder events from a client that cannot send them throws (a script speaking LSP, another editor).
  if (!clientHasFolderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(filePaths(e.removed.map((f) => f.uri)));
    workspaceFolders = [...workspaceFolders.filter((w) => !removed.has(w)), ...filePaths(e.added.map((f) => f.uri))];
    void engine?.reconfigure();
  });
});

connection.onDidChangeConfiguration(() => {
  void engine?.reconfigure();
  void api.update();
});

connection.onRequest(ListProjectsRequest.type, () => {
  if (!engine) return { projects: [], notes: [], state: 'starting' as const, roots: [] };
  return engine.list();
});

connection.onRequest(RescanRequest.type, async (params) => {
  if (!engine) return { elapsedMs: 0, projectCount: 0 };
  return engine.rescan(params.path);
});

registerEngineHandlers(connection, () => engine, () => engineStarting);
registerDocumentHandlers(connection, documents, () => engineStarting);
const api = registerApi(connection, { engine: () => engineStarting, settings: () => connection.workspace.getConfiguration('optimus'), trusted: () => initOptions.trusted, tell });
documents.listen(connection);

/** Workspace folders on other file systems (virtual, remote) have no path to scan. */
function filePaths(uris: string[]): string[] {
  return uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

connection.onShutdown(async () => {
  await api.dispose();
  await engine?.dispose();
  engine = null;
});
connection.listen();
