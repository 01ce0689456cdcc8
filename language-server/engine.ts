import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionContext } from './orchestrator/actionGate';
import type { AnalyzerService, AnalyzerServiceDeps } from './analyzer/analyzerService';
import type { TroubleshooterService } from './troubleshooter/troubleshooterService';
import type { PortfolioActivity } from './scanner/git/activityPortfolio';
import type { Recommendation } from './advisor/recommend/recommendation';
import type { MoneyService } from './advisor/money/moneyService';
import type { MarketView } from './advisor/money/moneyTypes';
import type { ProjectDetail } from './analyzer/detail/projectDetailTypes';
import { AdviceCache } from './advisor/recommend/adviceCache';
import { backupFolderFor } from './orchestrator/backup/backupFolder';
import { unknownProject } from './unknownProject';
import type { Project } from './model';
import type { BackupService } from './orchestrator/backupService';
import { loadLatestScores } from './store/projectMetricsRepo';
import type { DeployService } from './orchestrator/deployService';
import { ProjectService } from './orchestrator/projectService';
import { RuntimeService } from './orchestrator/runtime/runtimeService';
import type { OptimusSettings, ProgressParams, ProjectScore, ProjectList, ProjectsChangedParams, RescanResult, RunInfo, RuntimeChangedParams, ServerMessageParams } from './protocol';
import { makeIgnoreMatcher } from './scanner/ignore';
import { LiveIndex } from './scanner/liveIndex';
import { ProjectIndex, type IndexSettings } from './scanner/projectIndex';
import { checkSettings, DEFAULT_SETTINGS, effectiveRoots } from './settings';
import { openStore } from './store/openStore';
import { MEMORY_PATH, optimusHome, resolveStorePath } from './store/storePath';
import { deferredPersistence } from './store/indexPersistence';
import type { Store } from './store/store';
import type { AskAnswer } from './ask/askTypes';
import { currentActor } from './api/actor';

/** The runtime monitor starts this long after the first list, once the start-up walk and git reads are done. */
const RUNTIME_START_DELAY_MS = 1500;

export interface EngineOptions {
  storePath?: string;
  /** Pulls the raw `optimus` settings (the client's configuration, or a CLI default). */
  settings: () => Promise<unknown>;
  workspaceFolders: () => string[];
  onChange: (change: ProjectsChangedParams) => void;
  onMessage: (message: ServerMessageParams) => void;
  /** False in untrusted workspaces: nothing is started, stopped or written then. */
  trusted: boolean;
  onRuntime: (change: RuntimeChangedParams) => void;
  onRunOutput: (runId: string, data: string) => void;
  onRunExit: (run: RunInfo) => void;
  onProgress: (progress: ProgressParams) => void;
  /** What the analyzer needs of the LSP connection: open documents, publishing, edits, scores. */
  analyzer: Pick<AnalyzerServiceDeps, 'document' | 'publish' | 'applyEdit' | 'onScores' | 'onError'>;
}

/**
 * The engine as the language server runs it: the store, the live project index and the settings it scans
 * with. Knows nothing of LSP; server.ts forwards to it.
 */
export class Engine {
  private indexSettings: IndexSettings = { roots: [], maxDepth: 4, ignore: () => false };
  private readonly live: LiveIndex;
  private lastProblems = '';
  private settings: OptimusSettings | null = null;
  private runtimeService: RuntimeService | null = null;
  readonly projects: ProjectService;
  private backupsLoaded: Promise<BackupService> | null = null;
  private analyzerLoaded: Promise<AnalyzerService> | null = null;
  private deploysLoaded: Promise<DeployService> | null = null;
  private troubleshooterLoaded: Promise<TroubleshooterService> | null = null;
  private moneyLoaded: Promise<MoneyService> | null = null;
  private readonly advice = new AdviceCache();
  /** The running and crashed projects at the last runtime sample: advice changes with these, not with CPU figures. */
  private runtimeKey = '';

  private constructor(private readonly storeReady: Promise<Store | null>, private readonly opts: EngineOptions) {
    this.projects = new ProjectService({
      context: () => this.actionContext(),
      store: () => this.storeReady,
      isProject: (path) => this.live.index.get(path) !== undefined,
      plan: (path) => this.runtime.plan(path),
    });
    const index = new ProjectIndex(deferredPersistence(storeReady));
    this.live = new LiveIndex(index, () => this.indexSettings, (message) => opts.onMessage({ severity: 'warning', message }));
    index.onChange((change) => {
      this.advice.invalidate();
      opts.onChange({ ...change, state: index.state, notes: index.notes, roots: this.indexSettings.roots });
      if (change.removed.length > 0 || change.full || change.updated.length > 0) this.runtimeService?.projectsChanged();
    });
  }

  /**
   * With a store file, its list is shown first (open and load take ~40 ms), then the roots are walked. Without
   * one there is nothing to show: the new file is made after the first list is out, so that loading sql.js and
   * writing the file (~90 ms) do not hold up the walk.
   */
  static async start(opts: EngineOptions): Promise<Engine> {
    const warn = (message: string): void => opts.onMessage({ severity: 'warning', message });
    const file = resolveStorePath({ file: opts.storePath });
    const remembered = file !== MEMORY_PATH && existsSync(file);
    let published: () => void = () => undefined;
    const firstList = new Promise<void>((resolve) => (published = resolve));
    const storeReady = remembered ? openStore(opts.storePath, warn) : firstList.then(() => openStore(opts.storePath, warn));
    const engine = new Engine(storeReady, opts);
    const stop = engine.live.index.onChange(() => published());
    if (remembered) await engine.live.index.loadStored().catch((error) => warn(`Could not read the saved project list: ${String(error)}`));
    await engine.reconfigure();
    stop();
    published(); // a walk that found nothing to publish still needs a store
    engine.startRuntime();
    return engine;
  }

  // Backups (tar) and deploy (templates) are loaded on first use, not on the server's start-up path.
  backups(): Promise<BackupService> {
    this.backupsLoaded ??= import('./orchestrator/backupService').then(({ BackupService }) => new BackupService({
      context: () => this.actionContext(),
      settings: () => (this.settings ?? DEFAULT_SETTINGS).backup,
      isProject: (path) => this.live.index.get(path) !== undefined,
      onProgress: this.opts.onProgress,
    }));
    return this.backupsLoaded;
  }

  /** The analyzer (TypeScript, and ESLint when linting) loads with the first document or analysis. */
  analyzer(): Promise<AnalyzerService> {
    const o = this.opts.analyzer;
    this.analyzerLoaded ??= import('./analyzer/analyzerService').then(({ AnalyzerService }) => new AnalyzerService({
      settings: () => (this.settings ?? DEFAULT_SETTINGS).analysis,
      context: () => this.actionContext(),
      store: () => this.storeReady,
      projects: () => this.live.index.all(),
      processes: () => this.runtimeService?.lastProcesses() ?? [],
      ...o,
      onScores: (scores) => {
        this.advice.invalidate();
        o.onScores(scores);
      },
    }));
    return this.analyzerLoaded;
  }

  /** The troubleshooter (its knowledge base) loads with the first error text to diagnose. */
  troubleshooter(): Promise<TroubleshooterService> {
    this.troubleshooterLoaded ??= import('./troubleshooter/troubleshooterService').then(({ TroubleshooterService }) => new TroubleshooterService({
      projects: () => this.live.index.all(),
      portOwners: (port) => this.runtime.portOwners(port),
      userDir: path.join(optimusHome(), 'knowledge'),
      onProblem: (message) => this.opts.onMessage({ severity: 'warning', message }),
      context: () => this.actionContext(),
      store: () => this.storeReady,
    }));
    return this.troubleshooterLoaded;
  }

  /** One project's trend, hotspots, findings and dependencies (Project detail), from what analyses stored; analyzes nothing. */
  async projectDetail(path: string): Promise<ProjectDetail> {
    const project = this.live.index.get(path);
    if (!project) throw unknownProject(path);
    const [{ projectDetail }, { npmLatestCacheFile }] = await Promise.all([import('./analyzer/detail/projectDetail'), import('./analyzer/detail/detailDependencies')]);
    // Not loaded yet means nothing was analyzed in this process: no reason to load TypeScript for it now.
    const analyzer = await this.analyzerLoaded;
    return projectDetail(project, { store: await this.storeReady, lastRun: analyzer?.lastRun(path), npmLatestCacheFile: npmLatestCacheFile() });
  }

  /** What to do next, ranked: for one project, or every project Optimus knows. */
  async advise(path?: string): Promise<Recommendation[]> {
    const all = this.live.index.all();
    const projects = path === undefined ? all : all.filter((p) => p.path === path);
    if (path !== undefined && projects.length === 0) throw unknownProject(path);
    return this.advice.get(path ?? '', () => this.workOutAdvice(projects));
  }

  private async workOutAdvice(projects: readonly Project[]): Promise<Recommendation[]> {
    const [{ advise }, { collectSignals }] = await Promise.all([import('./advisor/recommend/advise'), import('./advisor/recommend/collectSignals')]);
    const backupDir = backupFolderFor((this.settings ?? DEFAULT_SETTINGS).backup.folder);
    const signals = await collectSignals(projects, { store: await this.storeReady, backupDir, runtime: (p) => this.runtimeService?.current(p) ?? null });
    return advise(signals);
  }

  /** Hours, money, ROI and revenue models of one project (the Money dashboard); loaded on first use. */
  money(): Promise<MoneyService> {
    this.moneyLoaded ??= import('./advisor/money/moneyService').then(({ MoneyService }) => new MoneyService({
      project: (path) => this.live.index.get(path),
      store: () => this.storeReady,
      context: () => this.actionContext(),
      market: (project) => this.market(project),
      assessed: () => this.advice.invalidate(),
    }));
    return this.moneyLoaded;
  }

  /**
   * npm and GitHub figures of a project when the user turned them on (in a trusted workspace): public APIs,
   * answers cached a day under $OPTIMUS_HOME/cache. OPTIMUS_NPM_API_URL and OPTIMUS_GITHUB_API_URL point them
   * elsewhere (a mirror, GitHub Enterprise's /api/v3, or a test's loopback server).
   */
  private async market(project: Project): Promise<MarketView> {
    if (!(this.settings ?? DEFAULT_SETTINGS).advisor.marketSignals || !this.opts.trusted) return { state: 'off' };
    const [{ readMarketSignals }, { marketInputOf }] = await Promise.all([import('./advisor/market/readMarketSignals'), import('./advisor/market/marketInput')]);
    const env = process.env;
    const figures = await readMarketSignals(await marketInputOf(project), {
      cacheDir: path.join(optimusHome(), 'cache'),
      ...(env.OPTIMUS_NPM_API_URL ? { npmApi: env.OPTIMUS_NPM_API_URL } : {}),
      ...(env.OPTIMUS_GITHUB_API_URL ? { githubApi: env.OPTIMUS_GITHUB_API_URL } : {}),
    });
    return { state: 'on', figures };
  }

  /** Commits per day over the last 12 months across the repositories of every project (or of those named), and each one's total, for the Portfolio's heatmap. */
  async activity(paths?: readonly string[], signal?: AbortSignal): Promise<PortfolioActivity> {
    const { portfolioActivity } = await import('./scanner/git/activityPortfolio');
    const wanted = paths === undefined ? null : new Set(paths);
    const repos = this.live.index.all().filter((p) => p.git !== null && (wanted === null || wanted.has(p.path)));
    return portfolioActivity(repos.map((p) => ({ path: p.path, head: p.git?.head ?? null })), { signal });
  }

  /** Classifies the project and stores its monetization opportunities (what `advise` reads for their gaps). */
  async assessMonetization(path: string): Promise<void> {
    const project = this.live.index.get(path);
    const store = await this.storeReady;
    if (!project || !store) return;
    const [{ classifyProject }, { monetizationOpportunities }, { saveMonetizationOpportunities }] = await Promise.all([
      import('./advisor/classify/classifyProject'), import('./advisor/monetization/monetizationOpportunities'), import('./store/monetizationRepo'),
    ]);
    const market = await this.market(project);
    const opportunities = await monetizationOpportunities(project, await classifyProject(project), { market: market.state === 'on' ? market.figures : null });
    await saveMonetizationOpportunities(store, path, opportunities);
    this.advice.invalidate();
  }

  /** The store once opened (null when it could not be): the REST API keeps its tokens and audit rows there. */
  store(): Promise<Store | null> {
    return this.storeReady;
  }

  /** Whether the analyzer has been loaded (code actions need nothing from it before). */
  get analyzerReady(): Promise<AnalyzerService> | null {
    return this.analyzerLoaded;
  }

  /** Health and debt of every project analyzed before, from the store, for the tree after a restart. */
  async storedScores(): Promise<ProjectScore[]> {
    const store = await this.storeReady;
    if (!store) return [];
    const rows = await loadLatestScores(store);
    return rows.map((r) => ({ path: r.path, health: r.healthScore, debtRating: r.debtRating, debtMinutes: r.debtMinutes, analyzedAt: r.recordedAt }));
  }

  deploys(): Promise<DeployService> {
    this.deploysLoaded ??= import('./orchestrator/deployService').then(({ DeployService }) =>
      new DeployService({ context: () => this.actionContext(), store: () => this.storeReady, project: (path) => this.live.index.get(path) }));
    return this.deploysLoaded;
  }

  /** Processes, containers and the runs Optimus starts; created once, with the settings of the first walk. */
  get runtime(): RuntimeService {
    if (!this.runtimeService) throw new Error('The runtime monitor has not started yet.');
    return this.runtimeService;
  }

  private startRuntime(): void {
    const settings = this.settings ?? DEFAULT_SETTINGS;
    const o = this.opts;
    this.runtimeService = new RuntimeService({
      context: () => this.actionContext(),
      store: () => this.storeReady,
      projects: () => this.live.index.all(),
      onChange: (change) => this.runtimeChanged(change),
      onOutput: o.onRunOutput,
      onExit: o.onRunExit,
      containers: settings.containers.enabled ? {} : false,
    });
    this.applyRuntimeSettings(settings);
    this.runtimeService.startMonitoring(RUNTIME_START_DELAY_MS);
  }

  private actionContext(): ActionContext {
    return { actor: currentActor() ?? 'vscode', trusted: this.opts.trusted, store: this.storeReady, changed: () => this.advice.invalidate() };
  }

  /** A crash, or a project starting or stopping, changes the advice; a new CPU figure does not. */
  private runtimeChanged(change: RuntimeChangedParams): void {
    const key = change.projects.map((p) => `${p.path}:${p.running ? 1 : 0}:${p.crashed?.at ?? ''}`).join('\n');
    if (key !== this.runtimeKey) this.advice.invalidate();
    this.runtimeKey = key;
    this.opts.onRuntime(change);
  }

  private applyRuntimeSettings(settings: OptimusSettings): void {
    this.runtimeService?.setSampleInterval(settings.runtime.sampleSeconds * 1000);
    this.runtimeService?.setContainers(settings.containers.enabled ? {} : false);
  }

  list(): ProjectList {
    const index = this.live.index;
    return { projects: index.all(), notes: index.notes, state: index.state, roots: this.indexSettings.roots };
  }

  /** What a sentence asks ("Optimus: Ask…"), matched against the names of the projects in the index; parses only. */
  async ask(text: string): Promise<AskAnswer> {
    const { parseAsk } = await import('./ask/parseAsk');
    return parseAsk(text, this.live.index.all().map((p) => ({ name: p.name, path: p.path })), { home: os.homedir() });
  }

  /** Reads the settings again and walks the roots with them. */
  async reconfigure(): Promise<void> {
    const checked = checkSettings(await this.opts.settings());
    const problems = checked.problems.join(' ');
    if (problems && problems !== this.lastProblems) this.opts.onMessage({ severity: 'warning', message: problems });
    this.lastProblems = problems;
    this.settings = checked.settings;
    this.applyRuntimeSettings(checked.settings);
    this.indexSettings = {
      roots: effectiveRoots(checked.settings, this.opts.workspaceFolders()),
      maxDepth: checked.settings.scan.maxDepth,
      ignore: makeIgnoreMatcher(checked.settings.scan.ignore, os.homedir()),
    };
    await this.live.walk();
  }

  async rescan(path?: string): Promise<RescanResult> {
    const started = performance.now();
    if (path && this.live.index.get(path)) await this.live.index.rescanProject(path);
    else await this.live.walk({ reread: true });
    return { elapsedMs: Math.round(performance.now() - started), projectCount: this.live.index.all().length };
  }

  /** Stops watching and background work, then waits for the store's pending writes. */
  async dispose(): Promise<void> {
    (await this.analyzerLoaded)?.dispose();
    await this.runtimeService?.dispose(this.settings?.runtime.keepRunningOnClose ?? false);
    this.live.dispose();
    this.live.index.dispose();
    await (await this.storeReady)?.close();
  }
}
