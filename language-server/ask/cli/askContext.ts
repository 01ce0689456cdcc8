import type { CliContext } from '../../cli/command';
import { collectRuntime, type RuntimeReport } from '../../cli/runtimeReport';
import type { Project } from '../../model';
import type { AskUnderstood } from '../askTypes';
import type { TargetFacts } from '../targets';

/** What an intent's handler gets: the CLI's context, the projects of the last scan, what was understood. */
export interface AskRun {
  ctx: CliContext;
  projects: Project[];
  answer: AskUnderstood;
  home: string | undefined;
  /** --yes: do what changes state without asking. */
  yes: boolean;
}

/** What a handler did: the exit code, the value --json puts under "result", the text for people. */
export interface AskOutcome {
  code: number;
  result?: unknown;
  text: string;
  /** State-changing intents: the projects it would touch, and whether it did. */
  targets?: Array<{ name: string; path: string }>;
  done?: boolean;
}

/** Running is read from one runtime sample (processes in the project's folder, its running containers). */
export async function runtimeFacts(projects: readonly Project[]): Promise<{ report: RuntimeReport; facts: TargetFacts }> {
  const report = await collectRuntime(projects.map((p) => p.path), { all: false });
  const facts: TargetFacts = {
    running: (path) => report.processes.some((p) => p.projectPath === path) || report.containers.some((c) => c.projectPath === path && c.state === 'running'),
    crashed: () => null,
    now: new Date(),
  };
  return { report, facts };
}

/** Facts without sampling, for filters that need none (dirty, stale, stack). */
export function staticFacts(): TargetFacts {
  return { running: () => false, crashed: () => null, now: new Date() };
}

export function needsRuntime(answer: AskUnderstood): boolean {
  return answer.slots.filters.some((f) => f.kind === 'running');
}

/** The CLI sees no crashes: say so rather than answer "none crashed". */
export function crashNote(run: AskRun): void {
  if (run.answer.slots.filters.some((f) => f.kind === 'crashed')) {
    run.ctx.err.write('note: the CLI does not know which projects crashed (the runtime monitor in VS Code records crashes of the runs it started); no project counts as crashed here.\n');
  }
}
