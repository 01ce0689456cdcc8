import path from 'node:path';
import type { Project } from '../../model';
import { runAction, type ActionContext } from '../../orchestrator/actionGate';
import { addRoiEntry, listRoiEntries, loadHourlyRate, removeRoiEntry, saveHourlyRate, type RoiEntry } from '../../store/roiRepo';
import { saveMonetizationOpportunities } from '../../store/monetizationRepo';
import type { Store } from '../../store/store';
import { unknownProject } from '../../unknownProject';
import { classifyProject } from '../classify/classifyProject';
import { assessMonetization } from '../monetization/monetizationOpportunities';
import { readCommitHistory, type CommitHistory } from '../roi/gitHistory';
import { estimateHours, toHours } from '../roi/gitHours';
import { roiFigures } from '../roi/roiFormulas';
import type { MarketView, MoneyChange, MoneyHours, MoneyView } from './moneyTypes';

export interface MoneyServiceDeps {
  project: (path: string) => Project | undefined;
  store: () => Promise<Store | null>;
  context: () => ActionContext;
  /** The market figures when the user turned them on; `off` otherwise. */
  market: (project: Project) => Promise<MarketView>;
  /** Told when revenue models were assessed and stored again (the advice reads their gaps). */
  assessed?: () => void;
  now?: () => Date;
}

/** Histories kept in memory, by project and HEAD: git is read again only when a commit moved HEAD. */
const HISTORY_CACHE = 64;

/**
 * One project's money, put together: hours from git, what the user entered, ROI, revenue models (assessed now
 * and stored for `advise`), market figures. Changes are audited one by one and answered with the new view.
 */
export class MoneyService {
  private readonly histories = new Map<string, CommitHistory>();

  constructor(private readonly deps: MoneyServiceDeps) {}

  async view(projectPath: string): Promise<MoneyView> {
    const project = this.known(projectPath);
    const store = await this.deps.store();
    const [history, stored, rate, classification, market] = await Promise.all([
      this.history(project),
      store ? listRoiEntries(store, project.path) : [],
      store ? loadHourlyRate(store, project.path) : null,
      classifyProject(project),
      this.deps.market(project),
    ]);
    const assessment = await assessMonetization(project, classification, { market: market.state === 'on' ? market.figures : null });
    if (store && (await saveMonetizationOpportunities(store, project.path, assessment.opportunities).catch(() => false))) this.deps.assessed?.();
    const estimate = estimateHours(history.commits);
    const now = this.deps.now?.() ?? new Date();
    const figures = roiFigures({ hours: toHours(estimate.seconds), hourlyRate: rate ?? 0, costs: only(stored, 'cost'), revenue: only(stored, 'revenue'), now });
    return {
      path: project.path,
      name: project.name || path.basename(project.path),
      type: classification.type,
      typeEvidence: classification.evidence,
      hours: hoursOf(estimate),
      hourlyRate: rate,
      entries: stored.map(({ id, direction, name, amount, kind, since }) => ({ id, direction, name, amount, kind, since })),
      figures,
      opportunities: assessment.opportunities,
      market,
      notes: [...(store ? [] : ['The Optimus database could not be opened: nothing entered can be shown or stored.']), ...history.notes, ...assessment.notes, ...(market.state === 'on' ? market.figures.notes : [])],
    };
  }

  /** Applies one change (audited, refused untrusted) and answers with the project's view after it. */
  async change(projectPath: string, change: MoneyChange): Promise<MoneyView> {
    const project = this.known(projectPath);
    const store = await this.deps.store();
    if (!store) throw new Error('The Optimus database could not be opened, so nothing can be stored.');
    await runAction(this.deps.context(), { action: actionOf(change), target: project.path, details: detailsOf(change) }, async () => {
      if (change.kind === 'rate') return saveHourlyRate(store, project.path, change.rate);
      if (change.kind === 'add') return void (await addRoiEntry(store, project.path, { direction: change.direction, ...change.item }));
      if (!(await removeRoiEntry(store, project.path, change.id))) throw new Error(`${project.name} has no cost or revenue with id ${change.id}.`);
    });
    return this.view(project.path);
  }

  private known(projectPath: string): Project {
    const project = typeof projectPath === 'string' ? this.deps.project(projectPath) : undefined;
    if (!project) throw unknownProject(String(projectPath));
    return project;
  }

  private async history(project: Project): Promise<CommitHistory> {
    const key = `${project.path}\n${project.git?.head ?? ''}`;
    const cached = this.histories.get(key);
    if (cached) return cached;
    const history = await readCommitHistory(project.path);
    if (this.histories.size >= HISTORY_CACHE) this.histories.delete(this.histories.keys().next().value as string);
    this.histories.set(key, history);
    return history;
  }
}

function only(entries: readonly RoiEntry[], direction: RoiEntry['direction']): RoiEntry[] {
  return entries.filter((e) => e.direction === direction);
}

function hoursOf(e: ReturnType<typeof estimateHours>): MoneyHours {
  return {
    hours: toHours(e.seconds),
    sessions: e.sessions,
    commits: e.commits,
    authors: e.authors.map((a) => ({ name: a.name, email: a.email, hours: toHours(a.seconds), commits: a.commits })),
    byMonth: e.byMonth.map((m) => ({ month: m.month, hours: toHours(m.seconds) })),
  };
}

function actionOf(change: MoneyChange): string {
  return change.kind === 'add' ? `roi.${change.direction}` : `roi.${change.kind}`;
}

function detailsOf(change: MoneyChange): Record<string, unknown> {
  if (change.kind === 'rate') return { rate: change.rate };
  if (change.kind === 'remove') return { id: change.id };
  return { direction: change.direction, ...change.item };
}
