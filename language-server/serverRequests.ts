import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { Engine } from './engine';
import {
  AuditLogRequest,
  BackupRequest,
  BackupsRequest,
  ContainerActionRequest,
  DeployPlanRequest,
  DeployRequest,
  DockerfileRequest,
  SetDeployCommandRequest,
  WriteDockerfileRequest,
  RestoreRequest,
  VerifyBackupRequest,
  EnvViewRequest,
  MonitorModeNotification,
  RunInputNotification,
  RunsRequest,
  RuntimeSnapshotRequest,
  StartPlanRequest,
  StartRequest,
  SetEnvProfileRequest,
  SetStartCommandRequest,
  StopRequest,
  StopPortRequest,
  DiagnoseRequest,
  AdviseRequest,
  ProjectDetailRequest,
  FixCommandRequest,
  FixOutcomeRequest,
  DiagnosisFeedbackRequest,
  DiagnosisHistoryRequest,
  ActivityRequest,
  MoneyRequest,
  MoneyChangeRequest,
  AskRequest,
} from './protocol';
import { validMoneyChange } from './advisor/money/moneyChange';
import type { DiagnoseParams } from './protocol';

/** The runtime's and the projects' requests and notifications, forwarded to the engine once it has started. */
export function registerEngineHandlers(connection: Connection, engine: () => Engine | null, starting: () => Promise<Engine> | null): void {
  // A request that comes while the engine starts (the stored list is already shown) waits for it.
  const ready = async (): Promise<Engine> => {
    const e = engine() ?? (await starting());
    if (!e) throw new Error('Optimus is still starting; try again in a moment.');
    return e;
  };
  connection.onRequest(RuntimeSnapshotRequest.type, async () => (await ready()).runtime.snapshot());
  connection.onRequest(StartPlanRequest.type, async ({ path }) => (await ready()).runtime.plan(path));
  connection.onRequest(StartRequest.type, async (params) => (await ready()).runtime.start(params));
  connection.onRequest(StopRequest.type, async ({ path, runId }) => (await ready()).runtime.stop(path, runId));
  connection.onRequest(StopPortRequest.type, async ({ port }) => (await ready()).runtime.stopPort(validPort(port)));
  const troubleshooter = async () => (await ready()).troubleshooter();
  connection.onRequest(ActivityRequest.type, async (p, token) => (await ready()).activity(validPaths(p?.paths), abortOn(token)));
  connection.onRequest(MoneyRequest.type, async (p) => (await (await ready()).money()).view(validPath(p?.path)));
  connection.onRequest(MoneyChangeRequest.type, async (p) => (await (await ready()).money()).change(validPath(p?.path), validMoneyChange(p?.change)));
  connection.onRequest(ProjectDetailRequest.type, async (p) => (await ready()).projectDetail(validPath(p?.path)));
  connection.onRequest(AskRequest.type, async (p) => (await ready()).ask(validAskText(p?.text)));
  connection.onRequest(AdviseRequest.type, async (p) => (await ready()).advise(typeof p?.path === 'string' ? p.path : undefined));
  connection.onRequest(FixOutcomeRequest.type, async (p) => (await troubleshooter()).fixOutcome({ ...p, historyId: validId(p.historyId) }));
  connection.onRequest(DiagnosisFeedbackRequest.type, async (p) => (await troubleshooter()).feedback({ ...p, historyId: validId(p.historyId), helpful: p.helpful === true }));
  connection.onRequest(DiagnosisHistoryRequest.type, async (p) => (await troubleshooter()).history(typeof p.path === 'string' ? p.path : null, Math.min(500, Math.max(1, Number(p.limit) || 50))));
  connection.onRequest(FixCommandRequest.type, async (params) => (await (await ready()).troubleshooter()).approveCommand(params));
  connection.onRequest(DiagnoseRequest.type, async (params) => (await (await ready()).troubleshooter()).diagnose(validDiagnose(params)));
  connection.onRequest(RunsRequest.type, async ({ historyOf }) => (await ready()).runtime.runs.runs(historyOf));
  connection.onNotification(RunInputNotification.type, ({ runId, data }) => engine()?.runtime.runs.input(runId, data));
  connection.onRequest(ContainerActionRequest.type, async ({ id, action }) => (await ready()).runtime.containerAction(id, action));
  connection.onRequest(EnvViewRequest.type, async ({ path }) => (await ready()).projects.env(path));
  connection.onRequest(SetEnvProfileRequest.type, async ({ path, profile }) => (await ready()).projects.setEnvProfile(path, profile));
  connection.onRequest(SetStartCommandRequest.type, async ({ path, command }) => (await ready()).projects.setStartCommand(path, command));
  connection.onRequest(AuditLogRequest.type, async ({ limit }) => (await ready()).projects.auditLog(limit));
  connection.onRequest(BackupRequest.type, async (params, token) => (await (await ready()).backups()).backup(params, abortOn(token)));
  connection.onRequest(BackupsRequest.type, async ({ path }) => (await (await ready()).backups()).list(path));
  connection.onRequest(VerifyBackupRequest.type, async ({ manifestPath }, token) => (await (await ready()).backups()).verify(manifestPath, abortOn(token)));
  connection.onRequest(RestoreRequest.type, async (params, token) => (await (await ready()).backups()).restore(params, abortOn(token)));
  connection.onRequest(DeployPlanRequest.type, async ({ path }) => (await (await ready()).deploys()).plan(path));
  connection.onRequest(DeployRequest.type, async ({ path, command }) => (await (await ready()).deploys()).deploy(path, command));
  connection.onRequest(SetDeployCommandRequest.type, async ({ path, command }) => (await (await ready()).deploys()).setCommand(path, command));
  connection.onRequest(DockerfileRequest.type, async ({ path }) => (await (await ready()).deploys()).dockerfile(path));
  connection.onRequest(WriteDockerfileRequest.type, async ({ path, ...files }) => (await (await ready()).deploys()).writeDockerfile(path, files));
  connection.onNotification(MonitorModeNotification.type, ({ focused }) => engine()?.runtime.setFocused(focused));
}

/** The client cancelling a request ($/cancelRequest) aborts the work behind it. */
export function abortOn(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** A request's port, checked before anything is looked up or stopped (messages can come from anywhere). */
function validPort(port: unknown): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Not a TCP port: ${JSON.stringify(port)}`);
  return port;
}

const MAX_DIAGNOSE_CHARS = 8 * 1024 * 1024;
const SOURCES = new Set(['terminal', 'run', 'selection', 'clipboard', 'input']);

function validDiagnose(params: DiagnoseParams): DiagnoseParams {
  if (typeof params?.text !== 'string') throw new Error('optimus/diagnose needs the error text');
  if (params.text.length > MAX_DIAGNOSE_CHARS) throw new Error('The error text is over 8 MB; select the part around the error.');
  if (!SOURCES.has(params.source)) throw new Error(`Unknown source of the error text: ${JSON.stringify(params.source)}`);
  if (params.cwd !== undefined && (typeof params.cwd !== 'string' || !params.cwd.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(params.cwd))) throw new Error('cwd must be an absolute path');
  return params;
}

/** The projects a request names: absent for all of them; anything but a list of strings is refused. */
function validPaths(paths: unknown): string[] | undefined {
  if (paths === undefined || paths === null) return undefined;
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) throw new Error('paths must be a list of project folders');
  return paths;
}

function validPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) throw new Error('path must be a project folder');
  return value;
}

function validId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) throw new Error(`Not a diagnosis id: ${JSON.stringify(id)}`);
  return id;
}

/** The parser caps sentences itself (and answers "I didn't understand"); this only refuses what is not text at all. */
function validAskText(text: unknown): string {
  if (typeof text !== 'string') throw new Error('optimus/ask needs the sentence as text');
  return text.length > 10_000 ? text.slice(0, 10_000) : text;
}
