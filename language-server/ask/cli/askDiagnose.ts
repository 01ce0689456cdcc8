import path from 'node:path';
import { analyzeCommand } from '../../cli/commands/analyze';
import { diagnoseCommand } from '../../cli/commands/diagnose';
import { renderTable } from '../../cli/table';
import type { Project } from '../../model';
import { selectTargets } from '../targets';
import { staticFacts, type AskOutcome, type AskRun } from './askContext';
import { parsedOutput, runCaptured } from './captured';
import { logFileOf, readLogTail, type LogTail } from './logTail';

const MAX_ROWS = 200;

interface AnalyzeJson {
  findings: Array<{ ruleId: string; category: string; severity: string; path: string; line: number; column: number; message: string }>;
  health: number;
}

/**
 * "Why did shop crash?": the output of the project's last `optimus start` run, diagnosed by `optimus diagnose`.
 * With no project named, the project whose log changed last.
 */
export async function whyCrashed(run: AskRun): Promise<AskOutcome> {
  const found = await lastLog(run);
  if (!found) {
    const who = run.answer.slots.projects.map((p) => p.name).join(', ') || 'any project';
    return { code: 1, result: { log: null }, text: `Optimus has no output of ${who} to diagnose: the CLI keeps the output of what \`optimus start\` ran (in $OPTIMUS_HOME/logs). In VS Code, "Optimus: Open Troubleshooting Console" diagnoses crashes of the runs it started.` };
  }
  const { project, tail } = found;
  const output = tail.lastRun.replace(/^=== .*\n?/, '');
  if (output.trim() === '') return { code: 0, result: { project: project.path, log: tail.file, diagnosis: null }, text: `${project.name}'s last run printed nothing (${tail.file}).` };
  const captured = await runCaptured(diagnoseCommand, [output], {}, run.ctx);
  if (captured.error) return { code: captured.code, result: { error: captured.error }, text: `optimus: ${captured.error}` };
  const result = { project: project.path, log: tail.file, diagnosis: run.ctx.global.json ? parsedOutput(captured) : undefined };
  return { code: captured.code, result, text: `From the last run of ${project.name} (${tail.file}):\n\n${captured.output.trimEnd()}` };
}

async function lastLog(run: AskRun): Promise<{ project: Project; tail: LogTail } | null> {
  const named = new Set(run.answer.slots.projects.map((p) => p.path));
  const candidates = named.size > 0 ? run.projects.filter((p) => named.has(p.path)) : run.projects;
  let best: { project: Project; tail: LogTail } | null = null;
  for (const project of candidates) {
    const tail = await readLogTail(logFileOf(project.path, run.ctx.env));
    if (tail && (!best || tail.modifiedAt > best.tail.modifiedAt)) best = { project, tail };
  }
  return best;
}

/** `optimus analyze` of each target, its findings narrowed to the category asked for. */
export async function showIssues(run: AskRun): Promise<AskOutcome> {
  const targets = selectTargets('showIssues', run.answer.slots, run.projects, staticFacts());
  if (targets.length === 0) return { code: 0, result: [], text: 'No project matches.' };
  const category = run.answer.slots.category;
  const json = { ...run.ctx, global: { ...run.ctx.global, json: true } };
  const results: Array<{ path: string; health?: number; findings?: AnalyzeJson['findings']; error?: string }> = [];
  const texts: string[] = [];
  let code = 0;
  for (const project of targets) {
    const captured = await runCaptured(analyzeCommand, [project.path], {}, json);
    const analysis = parsedOutput(captured) as AnalyzeJson | null;
    if (captured.error || !analysis || typeof analysis !== 'object') {
      code = 1;
      results.push({ path: project.path, error: captured.error ?? 'no analysis' });
      texts.push(`${project.name}: optimus: ${captured.error ?? 'no analysis'}`);
      continue;
    }
    const findings = analysis.findings.filter((f) => category === undefined || f.category === category);
    results.push({ path: project.path, health: analysis.health, findings });
    texts.push(issuesText(project, findings, analysis.health, category));
  }
  return { code, result: results.length === 1 ? results[0] : results, text: texts.join('\n\n') };
}

function issuesText(project: Project, findings: AnalyzeJson['findings'], health: number, category: string | undefined): string {
  const head = `${project.name}: ${findings.length} ${category ? `${category} ` : ''}finding${findings.length === 1 ? '' : 's'} · health ${health}/100`;
  if (findings.length === 0) return head;
  const rows = findings.slice(0, MAX_ROWS).map((f) => [`${path.relative(project.path, f.path) || '.'}:${f.line}:${f.column}`, f.severity, f.ruleId, f.message]);
  const more = findings.length > rows.length ? `\n… and ${findings.length - rows.length} more (--json lists all)` : '';
  return `${head}\n${renderTable(['WHERE', 'SEVERITY', 'RULE', 'MESSAGE'], rows)}${more}`;
}
