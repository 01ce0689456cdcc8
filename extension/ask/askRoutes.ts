/**
 * What "Optimus: Ask…" does with an understood sentence: the existing commands to run, and whether to confirm
 * first. Pure (no `vscode` import), so the mapping is tested in Node.
 */
import type { AskIntent, AskUnderstood } from '../../language-server/ask/askTypes';
import type { Project } from '../../language-server/model';

export interface AskStep {
  command: string;
  args: unknown[];
}

export interface AskRoute {
  /** Run in order, each with the project as `{ path }` (what the project commands take from a view). */
  steps: AskStep[];
  /** A modal before anything runs: for what changes state and does not ask on its own, or touches several projects. */
  confirm: { message: string; detail: string; button: string } | null;
  /** There is nothing to do; said instead of running anything. */
  nothing?: string;
  /** "python projects not touched in 6 months": the matches, to pick one to open. */
  pick?: Project[];
  /** Show this project's .env view (values masked) in a message. */
  envOf?: string;
  /** Say this (help). */
  info?: string;
}

/** Stop, restart and back up never ask when Optimus started the run (stop) or at all (backup): Ask does, first. */
const ASKS_ITSELF = new Set<AskIntent>(['start', 'deploy']);
const VERB: Partial<Record<AskIntent, string>> = { start: 'Start', stop: 'Stop', restart: 'Restart', backup: 'Back Up', deploy: 'Deploy' };
const COMMAND: Partial<Record<AskIntent, string>> = { start: 'optimus.start', stop: 'optimus.stop', restart: 'optimus.restart', backup: 'optimus.backup', deploy: 'optimus.deploy', analyze: 'optimus.analyzeProject', logs: 'optimus.showOutput' };

export function routeAsk(answer: AskUnderstood, targets: readonly Project[], examples: readonly string[] = []): AskRoute {
  const on = (command: string, projects: readonly Project[] = targets): AskStep[] => projects.map((p) => ({ command, args: [{ path: p.path }] }));
  const first = targets.slice(0, 1);
  const intent = answer.intent;
  switch (intent) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'backup':
    case 'deploy': {
      if (targets.length === 0) return { steps: [], confirm: null, nothing: nothingText(answer) };
      const several = targets.length > 1;
      const confirm = several || !ASKS_ITSELF.has(intent) ? confirmation(answer, targets) : null;
      return { steps: on(COMMAND[intent] as string, intent === 'deploy' ? first : targets), confirm };
    }
    case 'status': return { steps: [{ command: 'optimus.showRuntimeMonitor', args: [] }], confirm: null };
    case 'whyCrashed': return { steps: [{ command: 'optimus.showTroubleshootingConsole', args: [] }], confirm: null };
    case 'showIssues': return targets.length === 1 ? { steps: on('optimus.showProjectDetail'), confirm: null } : { steps: [{ command: 'workbench.actions.view.problems', args: [] }], confirm: null };
    case 'analyze':
    case 'logs': return targets.length === 0 ? { steps: [], confirm: null, nothing: nothingText(answer) } : { steps: on(COMMAND[intent] as string), confirm: null };
    case 'backups': return { steps: first.length > 0 ? on('optimus.showBackups', first) : [{ command: 'optimus.restoreBackup', args: [] }], confirm: null };
    case 'advise': return { steps: first.length > 0 ? on('optimus.showProjectDetail', first) : [{ command: 'optimus.nextActions.focus', args: [] }], confirm: null };
    case 'money':
    case 'roi': return { steps: first.length > 0 ? on('optimus.showMoney', first) : [{ command: 'optimus.showMoney', args: [] }], confirm: null };
    case 'showProject': return { steps: on('optimus.showProjectDetail', first), confirm: null };
    case 'list': return answer.slots.filters.length === 0 ? { steps: [{ command: 'optimus.projects.focus', args: [] }], confirm: null } : { steps: [], confirm: null, pick: [...targets] };
    case 'env': return first[0] ? { steps: [], confirm: null, envOf: first[0].path } : { steps: [], confirm: null, nothing: nothingText(answer) };
    case 'audit': return { steps: [{ command: 'optimus.showAuditLog', args: [] }], confirm: null };
    case 'help': return { steps: [], confirm: null, info: `Ask in plain words, for example: ${examples.map((e) => `“${e}”`).join(', ')}. Anything that starts, stops, backs up or deploys is shown first and asked about.` };
  }
}

function confirmation(answer: AskUnderstood, targets: readonly Project[]): AskRoute['confirm'] {
  const verb = VERB[answer.intent] ?? 'Run';
  const button = targets.length === 1 ? verb : `${verb} ${targets.length} Projects`;
  const list = targets.map((p) => `• ${p.name} — ${p.path}`).join('\n');
  const asksAgain = answer.intent === 'start' ? '\n\nStart shows each command before it runs, unless you approved it before.' : '';
  return { message: `${answer.understood}?`, detail: `${targets.length === 1 ? 'This project' : `These ${targets.length} projects`}:\n${list}${asksAgain}`, button };
}

function nothingText(answer: AskUnderstood): string {
  if (answer.slots.projects.length > 0) return `${answer.slots.projects.map((p) => p.name).join(', ')} ${answer.slots.projects.length === 1 ? 'is' : 'are'} no longer in the project list.`;
  if (answer.intent === 'stop' || answer.intent === 'restart') return 'Nothing to do: no project is running.';
  return 'Nothing to do: no project matches.';
}
