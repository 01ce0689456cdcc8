import { adviseCommand } from '../../cli/commands/advise';
import { analyzeCommand } from '../../cli/commands/analyze';
import { auditCommand } from '../../cli/commands/audit';
import { backupsCommand } from '../../cli/commands/backups';
import { envCommand } from '../../cli/commands/env';
import { roiCommand } from '../../cli/commands/roi';
import type { Command, OptionValue } from '../../cli/command';
import { runtimeTable } from '../../cli/runtimeTable';
import { projectTable } from '../../cli/table';
import type { Project } from '../../model';
import type { AskIntent } from '../askTypes';
import { exampleSentences } from '../examples';
import { selectTargets } from '../targets';
import { crashNote, needsRuntime, runtimeFacts, staticFacts, type AskOutcome, type AskRun } from './askContext';
import { runCaptured, parsedOutput } from './captured';
import { showIssues, whyCrashed } from './askDiagnose';
import { earningProjects, earningText } from './moneyList';
import { lastLines, logFileOf, readLogTail } from './logTail';

const LOG_LINES = 50;
const AUDIT_ROWS = '20';

type ReadIntent = Exclude<AskIntent, 'start' | 'stop' | 'restart' | 'backup' | 'deploy'>;

/** Intents that only read: each runs the code of the `optimus` command that shows the same thing. */
export const READ_HANDLERS: Readonly<Record<ReadIntent, (run: AskRun) => Promise<AskOutcome>>> = {
  status,
  list,
  whyCrashed,
  showIssues,
  analyze: (run) => (run.answer.slots.category ? showIssues(run) : perProject(run, 'analyze')),
  backups: (run) => perProjectOrAll(run, backupsCommand),
  advise,
  money,
  roi: (run) => perProjectOrAll(run, roiCommand),
  showProject,
  env: (run) => perProjectOrAll(run, envCommand, run.answer.slots.profile ? { profile: run.answer.slots.profile } : {}),
  logs,
  audit: async (run) => passthrough(await runCaptured(auditCommand, [], { limit: AUDIT_ROWS }, run.ctx), run),
  help: async () => {
    const examples = exampleSentences([]);
    return { code: 0, result: { examples }, text: ['Ask in plain words, for example:', ...examples.map((e) => `  optimus ask "${e}"`), '', 'Anything that starts, stops, backs up or deploys is shown first and done only with --yes or after you answer y.'].join('\n') };
  },
};

async function status(run: AskRun): Promise<AskOutcome> {
  const { report } = await runtimeFacts(run.projects);
  const named = new Set(run.answer.slots.projects.map((p) => p.path));
  if (named.size === 0) return { code: 0, result: report, text: runtimeTable(report, namesOf(run.projects)) };
  const shown = { ...report, processes: report.processes.filter((p) => p.projectPath !== null && named.has(p.projectPath)), containers: report.containers.filter((c) => c.projectPath !== null && named.has(c.projectPath)) };
  const lines = run.answer.slots.projects.map((p) => {
    const pids = shown.processes.filter((q) => q.projectPath === p.path).map((q) => q.pid);
    const containers = shown.containers.filter((c) => c.projectPath === p.path && c.state === 'running').length;
    return pids.length + containers > 0 ? `${p.name} is running${pids.length ? ` (pid ${pids.join(', ')})` : ''}${containers ? ` (${containers} container${containers === 1 ? '' : 's'})` : ''}.` : `${p.name} is not running.`;
  });
  return { code: 0, result: shown, text: [...lines, '', runtimeTable(shown, namesOf(run.projects))].join('\n') };
}

async function list(run: AskRun): Promise<AskOutcome> {
  crashNote(run);
  const facts = needsRuntime(run.answer) ? (await runtimeFacts(run.projects)).facts : staticFacts();
  const projects = selectTargets('list', run.answer.slots, run.projects, facts);
  return { code: 0, result: { projects }, text: projects.length === 0 ? 'No project matches.' : projectTable(projects) };
}

/** Across all projects: the advisor per root folder (as `optimus advise ROOT`), the lists merged by score. */
async function advise(run: AskRun): Promise<AskOutcome> {
  if (run.answer.slots.projects.length > 0) return perProjectOrAll(run, adviseCommand);
  const roots = [...new Set(run.projects.filter((p) => p.parent === null).map((p) => p.root))].sort();
  if (roots.length === 0) return { code: 0, result: { recommendations: [] }, text: 'No projects are known yet; run `optimus scan ROOT` first.' };
  const runs = await Promise.all(roots.map((root) => runCaptured(adviseCommand, [root], {}, run.ctx)));
  if (run.ctx.global.json) {
    const all = runs.flatMap((r) => ((parsedOutput(r) as { recommendations?: Array<{ score: number }> } | null)?.recommendations ?? []));
    return { code: worst(runs), result: { recommendations: all.sort((a, b) => b.score - a.score) }, text: '' };
  }
  return { code: worst(runs), text: runs.map((r, i) => `${roots.length > 1 ? `In ${roots[i]}:\n` : ''}${r.error ? `optimus: ${r.error}\n` : r.output}`).join('\n').trimEnd() };
}

async function money(run: AskRun): Promise<AskOutcome> {
  if (run.answer.slots.projects.length > 0) return perProjectOrAll(run, roiCommand);
  const rows = await earningProjects(run.ctx.store, run.projects);
  return { code: 0, result: { projects: rows }, text: earningText(rows) };
}

async function showProject(run: AskRun): Promise<AskOutcome> {
  const projects = selectTargets('showProject', run.answer.slots, run.projects, staticFacts());
  return { code: 0, result: { projects }, text: projectTable(projects) };
}

async function logs(run: AskRun): Promise<AskOutcome> {
  const results: Array<{ path: string; log: string; lines: string[] | null }> = [];
  const texts: string[] = [];
  for (const p of run.answer.slots.projects) {
    const file = logFileOf(p.path, run.ctx.env);
    const tail = await readLogTail(file);
    const lines = tail ? lastLines(tail.lastRun, LOG_LINES) : null;
    results.push({ path: p.path, log: file, lines });
    texts.push(lines ? `${p.name}: the last ${lines.length} lines of ${file}\n${lines.join('\n')}` : `${p.name} has no output here: the CLI keeps the output of what \`optimus start\` ran, in ${file}.`);
  }
  return { code: 0, result: { logs: results }, text: texts.join('\n\n') };
}

/** `analyze` of each target; "analyze everything" goes project by project. */
async function perProject(run: AskRun, intent: 'analyze'): Promise<AskOutcome> {
  const targets = selectTargets(intent, run.answer.slots, run.projects, staticFacts());
  if (targets.length === 0) return { code: 0, result: [], text: 'No project matches.' };
  const runs: Array<{ project: Project; captured: Awaited<ReturnType<typeof runCaptured>> }> = [];
  for (const project of targets) runs.push({ project, captured: await runCaptured(analyzeCommand, [project.path], {}, run.ctx) });
  return combine(run, runs);
}

/** A command that takes one project folder, run for each named project (or once with none, where it allows that). */
async function perProjectOrAll(run: AskRun, command: Command, options: Record<string, OptionValue> = {}): Promise<AskOutcome> {
  const named = selectTargets('showProject', run.answer.slots, run.projects, staticFacts());
  if (named.length === 0) return passthrough(await runCaptured(command, [], options, run.ctx), run);
  const runs = [];
  for (const project of named) runs.push({ project, captured: await runCaptured(command, [project.path], options, run.ctx) });
  return combine(run, runs);
}

function combine(run: AskRun, runs: ReadonlyArray<{ project: Project; captured: Awaited<ReturnType<typeof runCaptured>> }>): AskOutcome {
  const code = worst(runs.map((r) => r.captured));
  if (runs.length === 1 && runs[0]) return passthrough(runs[0].captured, run);
  const result = runs.map(({ project, captured }) => ({ path: project.path, ...(captured.error ? { error: captured.error } : { result: parsedOutput(captured) }) }));
  const text = runs.map(({ project, captured }) => `${project.name}:\n${captured.error ? `optimus: ${captured.error}` : captured.output.trimEnd()}`).join('\n\n');
  return { code, result, text };
}

function passthrough(captured: Awaited<ReturnType<typeof runCaptured>>, run: AskRun): AskOutcome {
  if (captured.error) return { code: captured.code, result: { error: captured.error }, text: `optimus: ${captured.error}` };
  return { code: captured.code, result: run.ctx.global.json ? parsedOutput(captured) : undefined, text: captured.output.trimEnd() };
}

function worst(runs: ReadonlyArray<{ code: number }>): number {
  return runs.some((r) => r.code !== 0) ? 1 : 0;
}

function namesOf(projects: readonly Project[]): Map<string, string> {
  return new Map(projects.map((p) => [p.path, p.name]));
}
