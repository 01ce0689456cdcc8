import { backupCommand } from '../../cli/commands/backup';
import { restartCommand } from '../../cli/commands/restart';
import { startAudited, startText } from '../../cli/commands/start';
import { stopAudited, stopText } from '../../cli/commands/stop';
import type { RuntimeReport } from '../../cli/runtimeReport';
import { planStart } from '../../cli/projectStart';
import { StopIncomplete } from '../../cli/projectStop';
import type { Project } from '../../model';
import { shortPath } from '../describe';
import { selectTargets } from '../targets';
import { crashNote, runtimeFacts, staticFacts, type AskOutcome, type AskRun } from './askContext';
import { parsedOutput, runCaptured } from './captured';
import { consent } from './confirm';

type ActIntent = 'start' | 'stop' | 'restart' | 'backup' | 'deploy';

const VERB: Readonly<Record<ActIntent, string>> = { start: 'start', stop: 'stop', restart: 'restart', backup: 'back up', deploy: 'deploy' };

interface Done {
  path: string;
  ok: boolean;
  result?: unknown;
  error?: string;
  text: string;
}

/**
 * Start, stop, restart, back up: the projects it would touch are listed first; then it goes ahead only with
 * --yes or a "y" on a terminal. Without a terminal and without --yes nothing is done and the exit code is 0:
 * a script sees what would happen, and says --yes when it means it. Each action is the `optimus` command's own
 * (`startAudited`, `stopAudited`, `restart`, `backup`), so each is written to the audit log the same way.
 */
export async function act(run: AskRun, intent: ActIntent): Promise<AskOutcome> {
  if (intent === 'deploy') {
    return { code: 1, text: 'The CLI does not deploy: a deploy runs the project\'s own tool in a terminal where it may ask questions. Use "Optimus: Deploy…" in VS Code.' };
  }
  crashNote(run);
  const needsRuntime = intent === 'stop' || intent === 'restart' || run.answer.slots.filters.some((f) => f.kind === 'running');
  const runtime = needsRuntime ? await runtimeFacts(run.projects) : null;
  const targets = selectTargets(intent, run.answer.slots, run.projects, runtime?.facts ?? staticFacts());
  const listed = targets.map((p) => ({ name: p.name, path: p.path }));
  if (targets.length === 0) {
    const why = run.answer.slots.projects.length > 0 ? 'the project is no longer in the list of the last scan' : intent === 'stop' || intent === 'restart' ? 'no project is running' : 'no project matches';
    return { code: 0, targets: [], done: false, text: `Nothing to ${VERB[intent]}: ${why}.` };
  }
  const plan = await Promise.all(targets.map((p) => planLine(run, intent, p, runtime?.report ?? null)));
  // Shown before the question; with --json on stderr, so that stdout stays one JSON document.
  (run.ctx.global.json ? run.ctx.err : run.ctx.out).write([`Would ${VERB[intent]}:`, ...plan.map((l) => `  ${l}`)].join('\n') + '\n');
  const answer = await consent(run.ctx, run.yes, `${capital(VERB[intent])} ${targets.length === 1 ? (targets[0] as Project).name : `these ${targets.length} projects`}?`);
  if (answer !== 'yes') {
    const why = answer === 'declined' ? 'Nothing was done.' : 'Nothing was done: there is no terminal to ask in. Run it again with --yes to do it.';
    return { code: 0, targets: listed, done: false, text: why };
  }
  const done: Done[] = [];
  for (const project of targets) done.push(await perform(run, intent, project));
  const code = done.every((d) => d.ok) ? 0 : 1;
  const result = done.map(({ path, ok, result: r, error }) => ({ path, ok, ...(error ? { error } : { result: r }) }));
  return { code, targets: listed, done: true, result, text: done.map((d) => d.text).join('\n') };
}

async function planLine(run: AskRun, intent: ActIntent, p: Project, runtime: RuntimeReport | null): Promise<string> {
  const where = `${p.name} (${shortPath(p.path, run.home)})`;
  if (intent === 'start') {
    try {
      const plan = await planStart(p.path, run.ctx.store, run.answer.slots.profile, run.ctx.env);
      return `${where}: ${plan.command}${plan.envProfile ? ` [${plan.envProfile}]` : ''}`;
    } catch (error) {
      return `${where}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if ((intent === 'stop' || intent === 'restart') && runtime) {
    const procs = runtime.processes.filter((q) => q.projectPath === p.path);
    const containers = runtime.containers.filter((c) => c.projectPath === p.path && c.state === 'running');
    const what = [...procs.slice(0, 5).map((q) => `pid ${q.pid} ${q.command.slice(0, 60)}`), ...(procs.length > 5 ? [`${procs.length - 5} more`] : []), ...containers.map((c) => `container ${c.name}`)];
    return `${where}: ${what.length > 0 ? what.join('; ') : 'nothing runs'}`;
  }
  return where;
}

async function perform(run: AskRun, intent: Exclude<ActIntent, 'deploy'>, p: Project): Promise<Done> {
  const { ctx } = run;
  try {
    if (intent === 'start') {
      const report = await startAudited(ctx, p.path, run.answer.slots.profile);
      return { path: p.path, ok: true, result: report, text: startText(report) };
    }
    if (intent === 'stop') {
      const report = await stopAudited(ctx, p.path);
      return { path: p.path, ok: true, result: report, text: stopText(report) };
    }
  } catch (error) {
    if (error instanceof StopIncomplete) return { path: p.path, ok: false, result: error.report, error: error.message, text: `${stopText(error.report)}\noptimus: ${error.message}` };
    if (ctx.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { path: p.path, ok: false, error: message, text: `optimus: ${message}` };
  }
  const command = intent === 'restart' ? restartCommand : backupCommand;
  const options = intent === 'restart' && run.answer.slots.profile ? { profile: run.answer.slots.profile } : {};
  const captured = await runCaptured(command, [p.path], options, ctx);
  const ok = captured.code === 0 && captured.error === undefined;
  const text = [captured.output.trimEnd(), captured.error ? `optimus: ${captured.error}` : ''].filter(Boolean).join('\n');
  return { path: p.path, ok, result: ctx.global.json ? parsedOutput(captured) : undefined, ...(captured.error ? { error: captured.error } : {}), text };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
