/**
 * Every custom message between the extension (client) and the language server. Both sides import this module
 * and nothing else to talk to each other; the direction of each message is in its comment.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { BackupListing } from './orchestrator/backup/catalog';
import type { BackupMode } from './orchestrator/backup/types';
import type { RestoreResult } from './orchestrator/backup/restore';
import type { VerifyResult } from './orchestrator/backup/verify';
import type { DeployTarget, DockerfileResult } from './orchestrator/deploy/types';
import type { HealthScore } from './analyzer/debt/health';
import type { DebtSummary } from './analyzer/debt/rating';
import type { EnvView } from './orchestrator/env/envView';
import type { AuditRecord } from './store/auditLog';
import type { ContainerInfo, DockerAvailability, Finding, ProcessInfo, Project, ProjectRuntime, RuntimeSnapshot, ScanNote } from './model';
import type { Recommendation } from './advisor/recommend/recommendation';
import type { HistoryRow } from './store/troubleshootingRepo';
import type { Diagnosis } from './troubleshooter/types';
import type { PortfolioActivity } from './scanner/git/activityPortfolio';
import type { MoneyChange, MoneyView } from './advisor/money/moneyTypes';
import type { ProjectDetail } from './analyzer/detail/projectDetailTypes';
import type { AskAnswer } from './ask/askTypes';
import type { CreatedToken, TokenInfo } from './api/tokens/tokenService';

/** Settings the server pulls with `workspace/configuration` (section `optimus`). */
export interface OptimusSettings {
  roots: string[];
  scan: { ignore: string[]; maxDepth: number };
  runtime: { keepRunningOnClose: boolean; sampleSeconds: number };
  containers: { enabled: boolean };
  /** `folder` empty means $OPTIMUS_HOME/backups; `keep` 0 keeps every backup. */
  backup: { folder: string; keep: number };
  analysis: { enabled: boolean; complexityThreshold: number; cognitiveThreshold: number; lint: boolean; npmAudit: boolean; outdated: boolean; preventive: boolean; osvDatabase: string };
  advisor: { marketSignals: boolean };
  /** The local REST API (language-server/api): off by default; on 127.0.0.1:`port` only. */
  api: { enabled: boolean; port: number };
}

/** Passed once in `initializationOptions`. */
export interface InitOptions {
  /** The store file (the extension's global storage); the server falls back to $OPTIMUS_HOME/optimus.sqlite. */
  storePath?: string;
  /** False in untrusted workspaces: the server then only reads. */
  trusted: boolean;
}

/** Where the project list stands: loaded from the store, being scanned, or current. */
export type IndexState = 'starting' | 'stored' | 'scanning' | 'ready';

export interface ProjectList {
  projects: Project[];
  notes: ScanNote[];
  state: IndexState;
  /** The roots in effect (settings plus workspace folders), after `~` expansion. */
  roots: string[];
}

export namespace ListProjectsRequest {
  /** client → server: the whole current list. */
  export const method = 'optimus/listProjects';
  export const type = new RequestType0<ProjectList, void>(method);
}

export interface RescanParams {
  /** A project folder to rescan alone; all roots when absent. */
  path?: string;
}

export interface RescanResult {
  elapsedMs: number;
  projectCount: number;
}

export namespace RescanRequest {
  /** client → server: rescan everything or one project; answers once discovery and stacks are done. */
  export const method = 'optimus/rescan';
  export const type = new RequestType<RescanParams, RescanResult, void>(method);
}

export interface ProjectsChangedParams {
  /** Projects added or changed, whole. */
  updated: Project[];
  /** Paths of projects that are gone. */
  removed: string[];
  /** True when `updated` is the complete list and anything not in it is gone. */
  full: boolean;
  state: IndexState;
  notes: ScanNote[];
  roots: string[];
}

export namespace ProjectsChangedNotification {
  /** server → client: the project list changed. */
  export const method = 'optimus/projectsChanged';
  export const type = new NotificationType<ProjectsChangedParams>(method);
}

export interface ServerMessageParams {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export namespace ServerMessageNotification {
  /** server → client: something the user should read once (a recovered store, a missing root, a bad setting). */
  export const method = 'optimus/message';
  export const type = new NotificationType<ServerMessageParams>(method);
}

// ---- Runtime: what runs, and the runs Optimus started ----

export interface RuntimeChangedParams {
  /** Every project that runs now, or whose last run crashed. */
  projects: ProjectRuntime[];
  docker: DockerAvailability;
}

export namespace RuntimeChangedNotification {
  /** server → client: the running state of projects changed (sent only on a visible change). */
  export const method = 'optimus/runtimeChanged';
  export const type = new NotificationType<RuntimeChangedParams>(method);
}

export namespace RuntimeSnapshotRequest {
  /** client → server: every process and container now, for the Runtime view's details. */
  export const method = 'optimus/runtimeSnapshot';
  export const type = new RequestType0<RuntimeSnapshot, void>(method);
}

export interface MonitorModeParams {
  /** The window has focus: sample often. Without focus the monitor slows down. */
  focused: boolean;
}

export namespace MonitorModeNotification {
  /** client → server: how often the runtime monitor should look. */
  export const method = 'optimus/monitorMode';
  export const type = new NotificationType<MonitorModeParams>(method);
}

export interface StartPlan {
  path: string;
  command: string;
  cwd: string;
  /** Where the command came from: `override`, `.optimus.json`, `package.json script dev`, ... */
  source: string;
  /** The .env profile the start uses, if any; its values never leave the server. */
  envProfile: string | null;
  envFiles: string[];
  /** Other commands that could start the project, for "Change Start Command…". */
  alternatives: Array<{ label: string; command: string; source: string }>;
}

export namespace StartPlanRequest {
  /** client → server: what starting the project would run (shown to the user before it runs). */
  export const method = 'optimus/startPlan';
  export const type = new RequestType<{ path: string }, StartPlan | null, void>(method);
}

export interface StartParams {
  path: string;
  /** The exact command the user confirmed; the server refuses if the plan changed meanwhile. */
  command: string;
  columns?: number;
  rows?: number;
}

export interface RunInfo {
  runId: string;
  path: string;
  command: string;
  pid: number | null;
  startedAt: string;
  running: boolean;
  exitCode: number | null;
  signal: string | null;
  /** ISO 8601, once the run has ended. */
  endedAt?: string;
}

export namespace StartRequest {
  /** client → server: start the project with the confirmed command. */
  export const method = 'optimus/start';
  export const type = new RequestType<StartParams, RunInfo, void>(method);
}

export interface StopResult {
  /** Processes that ended, by pid. */
  stopped: number[];
  /** Processes that could not be stopped (another user's), with why. */
  failed: Array<{ pid: number; reason: string }>;
  /** Ids of the project's containers that were stopped. */
  containers?: string[];
}

export interface StopParams {
  path: string;
  /** Stop only this run (its terminal was closed); without it, everything that runs for the project. */
  runId?: string;
}

export namespace StopRequest {
  /** client → server: stop a run, or everything that runs for the project (its run, processes, containers). */
  export const method = 'optimus/stop';
  export const type = new RequestType<StopParams, StopResult, void>(method);
}

export namespace RunsRequest {
  /** client → server: the runs Optimus started, with the output so far of one of them when asked. */
  export const method = 'optimus/runs';
  export const type = new RequestType<{ historyOf?: string }, { runs: RunInfo[]; history?: string }, void>(method);
}

export namespace RunOutputNotification {
  /** server → client: output of a run, batched. */
  export const method = 'optimus/runOutput';
  export const type = new NotificationType<{ runId: string; data: string }>(method);
}

export namespace RunExitNotification {
  /** server → client: a run ended. */
  export const method = 'optimus/runExit';
  export const type = new NotificationType<RunInfo>(method);
}

export namespace RunInputNotification {
  /** client → server: keystrokes typed in a run's terminal. */
  export const method = 'optimus/runInput';
  export const type = new NotificationType<{ runId: string; data: string }>(method);
}

// ---- Per-project settings, environments and the audit log ----

export namespace EnvViewRequest {
  /** client → server: a project's .env files with values masked, the active profile, missing keys. */
  export const method = 'optimus/envView';
  export const type = new RequestType<{ path: string }, EnvView, void>(method);
}

export namespace SetEnvProfileRequest {
  /** client → server: the .env profile starts use (null: back to .optimus.json or the default); audited. */
  export const method = 'optimus/setEnvProfile';
  export const type = new RequestType<{ path: string; profile: string | null }, EnvView, void>(method);
}

export namespace SetStartCommandRequest {
  /** client → server: the command that starts the project (null: back to detection); audited. */
  export const method = 'optimus/setStartCommand';
  export const type = new RequestType<{ path: string; command: string | null }, StartPlan | null, void>(method);
}

export namespace AuditLogRequest {
  /** client → server: the latest audit rows, newest first. */
  export const method = 'optimus/auditLog';
  export const type = new RequestType<{ limit?: number }, AuditRecord[], void>(method);
}

// ---- Backups ----

export interface ProgressParams {
  /** The id the client gave in the request it tracks. */
  progressId: string;
  /** One line for the progress notification. */
  message: string;
  /** 0–100 when known. */
  percent?: number;
}

export namespace ProgressNotification {
  /** server → client: progress of a long request (a backup, a restore); the client cancels the request itself. */
  export const method = 'optimus/progress';
  export const type = new NotificationType<ProgressParams>(method);
}

export interface BackupParams {
  path: string;
  mode?: BackupMode;
  progressId?: string;
}

export interface BackupSummary {
  manifestPath: string;
  archivePath: string;
  bundlePath: string | null;
  fileCount: number;
  totalBytes: number;
  /** Older backups removed by the retention setting. */
  pruned: number;
  bundleNote?: string;
  skipped: number;
}

export namespace BackupRequest {
  /** client → server: back up a project into the backup folder; cancellable; audited. */
  export const method = 'optimus/backup';
  export const type = new RequestType<BackupParams, BackupSummary, void>(method);
}

export namespace BackupsRequest {
  /** client → server: the backups in the backup folder, newest first, of one project or all. */
  export const method = 'optimus/backups';
  export const type = new RequestType<{ path?: string }, BackupListing[], void>(method);
}

export namespace VerifyBackupRequest {
  /** client → server: recompute a backup's checksums. */
  export const method = 'optimus/verifyBackup';
  export const type = new RequestType<{ manifestPath: string }, VerifyResult, void>(method);
}

export interface RestoreParams {
  /** A manifest, or a bare .tar.gz archive. */
  source: string;
  /** A new or empty folder. */
  dest: string;
  progressId?: string;
}

export namespace RestoreRequest {
  /** client → server: restore a backup into a new folder; cancellable; audited. */
  export const method = 'optimus/restore';
  export const type = new RequestType<RestoreParams, Omit<RestoreResult, 'manifest'>, void>(method);
}

// ---- Deployment ----

export interface DeployPlan {
  path: string;
  /** What would run, from `cwd`; null when no target gives a command (the targets' notes say what to do). */
  command: string | null;
  cwd: string;
  /** `settings`, `.optimus.json`, `detected` or `none`. */
  source: string;
  targets: DeployTarget[];
  findings: Finding[];
}

export namespace DeployPlanRequest {
  /** client → server: how the project deploys (detected targets and the command), shown before anything runs. */
  export const method = 'optimus/deployPlan';
  export const type = new RequestType<{ path: string }, DeployPlan, void>(method);
}

export namespace DeployRequest {
  /**
   * client → server: the user confirmed this exact command; the server checks it is still the plan's, audits
   * it, and answers where to run it. The client then runs it in a terminal of its own, where the user can answer
   * the deploy tool's prompts (logins, confirmations).
   */
  export const method = 'optimus/deploy';
  export const type = new RequestType<{ path: string; command: string }, { command: string; cwd: string }, void>(method);
}

export namespace SetDeployCommandRequest {
  /** client → server: the command that deploys the project (null: back to .optimus.json or detection); audited. */
  export const method = 'optimus/setDeployCommand';
  export const type = new RequestType<{ path: string; command: string | null }, DeployPlan, void>(method);
}

export namespace DockerfileRequest {
  /** client → server: a proposed Dockerfile and .dockerignore for the project's stack (text only, nothing written). */
  export const method = 'optimus/dockerfile';
  export const type = new RequestType<{ path: string }, DockerfileResult, void>(method);
}

export namespace WriteDockerfileRequest {
  /** client → server: write the previewed files; never overwrites an existing one; audited. */
  export const method = 'optimus/writeDockerfile';
  export const type = new RequestType<{ path: string; dockerfile: string; dockerignore: string }, { written: string[]; kept: string[] }, void>(method);
}

export interface ContainerActionParams {
  id: string;
  action: 'start' | 'stop' | 'restart';
}

export namespace ContainerActionRequest {
  /** client → server: start, stop or restart one container (from the Running view); audited. */
  export const method = 'optimus/containerAction';
  export const type = new RequestType<ContainerActionParams, void, void>(method);
}

// ---- Analyzer ----

/** `preventive`: the edit a preventive finding's `data.fixEdit` names (package.json, .env), shown as a preview. */
export type FixKind = 'fix' | 'disable' | 'moveSecret' | 'preventive';

export interface ApplyFixParams {
  uri: string;
  /** The document version the diagnostic was made for: a fix for an older text is refused. */
  version: number;
  /** The finding's index in that analysis (DiagnosticData.index). */
  index: number;
  kind: FixKind;
  /** For `disable`: why, written into the comment. */
  reason?: string;
}

export namespace ApplyFixRequest {
  /** client → server: apply a quick fix (the edit goes through workspace/applyEdit); refused when untrusted; audited. */
  export const method = 'optimus/applyFix';
  export const type = new RequestType<ApplyFixParams, { applied: boolean; files: string[] }, void>(method);
}

export interface ProjectScore {
  path: string;
  health: number;
  debtRating: string;
  debtMinutes: number;
  /** ISO 8601. */
  analyzedAt: string;
}

export interface AnalysisSummary {
  path: string;
  files: number;
  findings: number;
  byCategory: Record<string, number>;
  health: HealthScore;
  debt: DebtSummary;
  analyzed: number;
  cached: number;
  notes: string[];
  elapsedMs: number;
}

export namespace AnalyzeProjectRequest {
  /** client → server: analyze a whole project (progress by ProgressNotification; cancellable); fills the Problems panel. */
  export const method = 'optimus/analyzeProject';
  export const type = new RequestType<{ path: string; progressId?: string }, AnalysisSummary, void>(method);
}

export type { ProjectDetail };

export namespace ProjectDetailRequest {
  /** client → server: one project's health and debt trend, hotspots, findings and dependencies (Project detail), from what analyses stored; analyzes nothing. */
  export const method = 'optimus/projectDetail';
  export const type = new RequestType<{ path: string }, ProjectDetail, void>(method);
}

export namespace ProjectScoresNotification {
  /** server → client: health and debt of analyzed projects (all known ones after start, then each new analysis). */
  export const method = 'optimus/projectScores';
  export const type = new NotificationType<{ scores: ProjectScore[] }>(method);
}

export namespace ExplainRuleRequest {
  /** client → server: the Markdown page explaining one of Optimus's rules (null for a rule it does not own). */
  export const method = 'optimus/explainRule';
  export const type = new RequestType<{ ruleId: string }, string | null, void>(method);
}

/** What listens on a TCP port now. */
export interface PortOwners {
  processes: ProcessInfo[];
  containers: ContainerInfo[];
}

export type DiagnoseSource = 'terminal' | 'run' | 'selection' | 'clipboard' | 'input';

export interface DiagnoseParams {
  text: string;
  source: DiagnoseSource;
  /** Where the failing command ran: picks the project, and resolves relative frame paths. */
  cwd?: string;
  /** The command line that failed (terminal, run). */
  command?: string;
  exitCode?: number;
}

export interface DiagnoseResult {
  diagnosis: Diagnosis;
  /** The project the error belongs to (by cwd, else by the first user frame); null when none. */
  projectPath: string | null;
  /** For port-in-use: what holds the port now. */
  portOwners?: PortOwners;
  /** The first frame in the user's code, with its path made absolute and checked to exist. */
  userFrame?: { file: string; line: number; column: number | null };
  /** The row this diagnosis was remembered as (for outcomes and feedback); null without a store. */
  historyId: number | null;
}

export interface FixOutcomeParams {
  historyId: number;
  /** The fix's key (Fix.key). */
  fix: string;
  ok: boolean;
  exitCode?: number;
}

export namespace FixOutcomeRequest {
  /** client → server: what an applied fix did; it re-ranks that diagnosis's fixes from now on. */
  export const method = 'optimus/fixOutcome';
  export const type = new RequestType<FixOutcomeParams, { recorded: boolean }, void>(method);
}

export interface FeedbackParams {
  historyId: number;
  helpful: boolean;
  /** The id the user says is right. */
  correctId?: string;
}

export namespace DiagnosisFeedbackRequest {
  /** client → server: thumbs up or down on a diagnosis, or the right id; confirmed texts teach the classifier. */
  export const method = 'optimus/diagnosisFeedback';
  export const type = new RequestType<FeedbackParams, { recorded: boolean }, void>(method);
}

export namespace DiagnosisHistoryRequest {
  /** client → server: the diagnoses of a project (or all), newest first, with their fixes' outcomes. */
  export const method = 'optimus/diagnosisHistory';
  export const type = new RequestType<{ path?: string; limit?: number }, HistoryRow[], void>(method);
}

export namespace DiagnoseRequest {
  /** client → server: the cause of an error text, its fixes, and the facts around it (who holds the port). */
  export const method = 'optimus/diagnose';
  export const type = new RequestType<DiagnoseParams, DiagnoseResult, void>(method);
}

export namespace StopPortRequest {
  /** client → server: stop what listens on a port (the user clicked exactly that); audited. */
  export const method = 'optimus/stopPort';
  export const type = new RequestType<{ port: number }, StopResult, void>(method);
}

export interface FixCommandParams {
  /** The exact shell line the user confirmed. */
  command: string;
  cwd: string | null;
  diagnosisId: string;
}

export namespace FixCommandRequest {
  /**
   * client → server: the user confirmed a fix's shell line; the server refuses it in an untrusted workspace and
   * audits it, and only then does the client run it in a terminal.
   */
  export const method = 'optimus/fixCommand';
  export const type = new RequestType<FixCommandParams, { approved: true }, void>(method);
}

export namespace AdviseRequest {
  /** client → server: what to do next, ranked; one project's (`path`) or the whole portfolio's. */
  export const method = 'optimus/advise';
  export const type = new RequestType<{ path?: string }, Recommendation[], void>(method);
}

export namespace ActivityRequest {
  /** client → server: commits per day over the last 12 months across the projects' repositories (or those named), and per project; cancellable. */
  export const method = 'optimus/activity';
  export const type = new RequestType<{ paths?: string[] }, PortfolioActivity, void>(method);
}

export type { MoneyChange, MoneyView };

export namespace MoneyRequest {
  /** client → server: one project's hours (from git), money entered, ROI, revenue models and, when turned on, market figures. */
  export const method = 'optimus/money';
  export const type = new RequestType<{ path: string }, MoneyView, void>(method);
}

export namespace MoneyChangeRequest {
  /** client → server: set the hourly rate, add or remove a cost or revenue (audited; refused untrusted); answers the new view. */
  export const method = 'optimus/moneyChange';
  export const type = new RequestType<{ path: string; change: MoneyChange }, MoneyView, void>(method);
}

// ---- The local REST API (optimus.api.enabled) ----

export type { CreatedToken as ApiTokenCreated, TokenInfo as ApiTokenInfo };

export interface ApiStatus {
  /** The setting. */
  enabled: boolean;
  /** Where it listens, while it does: `http://127.0.0.1:7878`. */
  url: string | null;
  /** Why it does not listen although enabled (the port is taken, ...). */
  error: string | null;
}

export namespace ApiStatusRequest {
  /** client → server: whether the API listens, and where. */
  export const method = 'optimus/apiStatus';
  export const type = new RequestType0<ApiStatus, void>(method);
}

export interface ApiTokenCreateParams {
  scope: 'read' | 'write';
  /** What the token is for, shown in the list. */
  name?: string;
  /** Never expires without it. */
  expiresInDays?: number;
}

export namespace ApiTokenCreateRequest {
  /**
   * client → server: a new API token; the answer is the only time its value is seen (keep it in SecretStorage),
   * the store keeps its hash. Refused when untrusted; audited.
   */
  export const method = 'optimus/apiTokenCreate';
  export const type = new RequestType<ApiTokenCreateParams, CreatedToken, void>(method);
}

export namespace ApiTokensRequest {
  /** client → server: every API token (id, scope, state, dates), never a value or a hash. */
  export const method = 'optimus/apiTokens';
  export const type = new RequestType0<TokenInfo[], void>(method);
}

export namespace ApiTokenRevokeRequest {
  /** client → server: revoke a token by id (refused when untrusted; audited). */
  export const method = 'optimus/apiTokenRevoke';
  export const type = new RequestType<{ id: string }, { revoked: boolean }, void>(method);
}

// ---- Ask: a sentence to an action ----

export type { AskAnswer };

export namespace AskRequest {
  /**
   * client → server: what a sentence asks ("stop everything", "why did shop crash?"), parsed against the index's
   * project names: the intent, its slots (known project paths and enums only) and one sentence of what it would
   * do; or "I didn't understand" with suggestions. Parses only: the client confirms and runs the matching command.
   */
  export const method = 'optimus/ask';
  export const type = new RequestType<{ text: string }, AskAnswer, void>(method);
}
