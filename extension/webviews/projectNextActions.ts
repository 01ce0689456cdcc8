import * as vscode from 'vscode';
import { AdviseRequest } from '../../language-server/protocol';
import { NEXT_ACTION_LIMITS } from '../../webviews/project/nextActions';
import type { ProjectCommand, ProjectMessage } from '../../webviews/project/protocol';
import { COMMANDS as NEXT_ACTION_COMMANDS } from '../advisor/nextActionsTree';
import { NextActionsFeed, type NextActionsAnswer } from './nextActionsFeed';
import type { ProjectDeps } from './projectPanel';

/** Changes to a project and its scores come in bursts (a scan, an analysis): the advice is read once they settle. */
const ADVICE_SETTLE_MS = 2_000;

/** What of the panel the next actions need: the project shown, whether the page is, and a way to it. */
export interface ProjectView {
  current(): string | null;
  visible(): boolean;
  post(message: ProjectMessage): void;
  refuse(message: string): void;
}

/** The project object, its analysis time, whether it runs, when it crashed; null without a known project. */
type AdviceBasis = readonly unknown[] | null;

/**
 * The Next actions of the Project detail panel: the advisor's list for the project shown, read when the
 * project is shown and again when it or its scores change (settled, and only while the panel is visible), and
 * the action of an item run through the command the Next actions view runs — only for an id this host sent
 * for the project shown.
 */
export class ProjectNextActions {
  private readonly feed: NextActionsFeed;
  /** What the advice was last read (or is about to be read) from: another read waits until this changes. */
  private basisRead: AdviceBasis = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: Pick<ProjectDeps, 'client' | 'projects' | 'scores' | 'runtime' | 'log'>,
    private readonly view: ProjectView,
  ) {
    this.feed = new NextActionsFeed(
      (scope) => deps.client().sendRequest(AdviseRequest.type, scope === null ? {} : { path: scope }),
      NEXT_ACTION_LIMITS.items,
      (answer) => this.deliver(answer),
    );
  }

  /** Asks the server for the project's next actions; an answer for a project no longer shown is dropped. */
  load(): Promise<void> {
    clearTimeout(this.timer);
    const project = this.view.current();
    if (project === null || !this.deps.projects.get(project)) return Promise.resolve();
    this.basisRead = this.basis();
    return this.feed.refresh(project);
  }

  /** Reads the advice again once the project or its scores have changed and settled (a runtime sample alone changes neither). */
  schedule(): void {
    const basis = this.basis();
    if (basis === null || sameBasis(basis, this.basisRead)) return;
    this.basisRead = basis;
    clearTimeout(this.timer);
    // Hidden by then: the page shown next says `ready`, and the advice is read with everything else.
    this.timer = setTimeout(() => {
      if (this.view.visible()) void this.load();
    }, ADVICE_SETTLE_MS);
  }

  /** The panel moved to another project: nothing sent for the last one may be run, nor shown when it arrives. */
  forget(): void {
    clearTimeout(this.timer);
    this.basisRead = null;
    this.feed.forget();
  }

  /** Runs the action of the item the page names by id, then reads the advice again (the action may have done its job). */
  async run(command: Extract<ProjectCommand, { type: 'nextAction' }>): Promise<void> {
    const project = this.view.current();
    const decision = command.project === project ? this.feed.decide(project, command.id) : { refused: 'Optimus did not run that: the panel shows another project now.' };
    if ('refused' in decision) {
      this.deps.log.warn(`Project detail: refused a next action: ${decision.refused}`);
      return this.view.refuse(decision.refused);
    }
    try {
      await vscode.commands.executeCommand(NEXT_ACTION_COMMANDS[decision.action.kind], decision.action.path);
    } finally {
      this.view.post({ type: 'nextActionDone', project: command.project, id: command.id });
    }
    if (project === this.view.current()) await this.load();
  }

  dispose(): void {
    this.forget();
  }

  private deliver(answer: NextActionsAnswer): void {
    if (answer.scope === null || answer.scope !== this.view.current()) return;
    if ('actions' in answer) return this.view.post({ type: 'nextActions', project: answer.scope, actions: answer.actions });
    this.deps.log.error(`Project detail: next actions of ${answer.scope} failed: ${answer.error}`);
    this.view.post({ type: 'nextActionsFailed', project: answer.scope, message: answer.error });
  }

  private basis(): AdviceBasis {
    const current = this.view.current();
    const project = current === null ? undefined : this.deps.projects.get(current);
    if (!project) return null;
    const run = this.deps.runtime.get(project.path);
    return [project, this.deps.scores.get(project.path)?.analyzedAt ?? null, run?.running ?? false, run?.crashed?.at ?? null];
  }
}

function sameBasis(a: AdviceBasis, b: AdviceBasis): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));
}
