import type { Recommendation } from '../advisor/recommend/recommendation';
import type { MoneyView } from '../advisor/money/moneyTypes';
import type { ProjectDetail } from '../analyzer/detail/projectDetailTypes';
import type { Project, ProjectRuntime, RuntimeSnapshot } from '../model';
import type {
  AnalysisSummary, BackupParams, BackupSummary, DeployPlan, DiagnoseParams, DiagnoseResult, FixCommandParams, IndexState,
  ProjectScore, RescanResult, RunInfo, StartParams, StartPlan, StopResult,
} from '../protocol';
import type { Store } from '../store/store';

/**
 * What the REST API needs of the engine, and nothing more: the handlers are written against this, so they
 * are small and can be tested with a plain object, and the language server and `optimus serve` hand them
 * the same engine (engineAdapter.ts). Every method that starts, stops or writes goes through the engine's
 * action gate, which refuses it when untrusted and audits it.
 */
export interface ApiEngine {
  /** The project index now, sorted by path. */
  projects(): readonly Project[];
  indexState(): IndexState;
  /** One project, or every root when `path` is undefined. */
  rescan(path?: string): Promise<RescanResult>;
  analyze(path: string, signal: AbortSignal): Promise<AnalysisSummary>;
  detail(path: string): Promise<ProjectDetail>;
  advise(path?: string): Promise<Recommendation[]>;
  /** What runs for the project as last sampled; null when nothing runs and nothing crashed. */
  runtimeOf(path: string): ProjectRuntime | null;
  runtimeSnapshot(): Promise<RuntimeSnapshot>;
  startPlan(path: string): Promise<StartPlan | null>;
  start(params: StartParams): Promise<RunInfo>;
  stop(path: string, runId?: string): Promise<StopResult>;
  money(path: string): Promise<MoneyView>;
  diagnose(params: DiagnoseParams): Promise<DiagnoseResult>;
  approveFix(params: FixCommandParams): Promise<{ approved: true }>;
  backup(params: BackupParams, signal: AbortSignal): Promise<BackupSummary>;
  deployPlan(path: string): Promise<DeployPlan>;
  deploy(path: string, command: string): Promise<{ command: string; cwd: string }>;
  scores(): Promise<ProjectScore[]>;
  /** The engine's store: tokens, the API's own audit rows and the figures of /metrics are read from it. */
  store(): Promise<Store | null>;
}
