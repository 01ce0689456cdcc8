import type { AskFilter, AskIntent, AskProjectRef, AskSlots } from './askTypes';

/** The one sentence shown before anything happens: what Optimus understood, with the folders it will touch. */
export function describe(intent: AskIntent, slots: AskSlots, home?: string): string {
  const targets = targetText(intent, slots, home);
  const category = slots.category ? `${slots.category} ` : '';
  const profile = slots.profile ? ` with the ${slots.profile} profile` : '';
  switch (intent) {
    case 'start': return `Start ${targets}${profile}`;
    case 'stop': return `Stop ${targets}`;
    case 'restart': return `Restart ${targets}${profile}`;
    case 'backup': return `Back up ${targets}`;
    case 'deploy': return `Deploy ${targets}`;
    case 'status': return slots.projects.length > 0 ? `Show whether ${names(slots.projects)} ${slots.projects.length === 1 ? 'is' : 'are'} running` : 'Show what is running now (processes, ports, containers)';
    case 'whyCrashed': return slots.projects.length > 0 ? `Diagnose the last crash of ${targets}` : 'Diagnose the last crash';
    case 'showIssues': return `Show the ${category}issues in ${targets}`;
    case 'analyze': return `Analyze ${targets}${category ? ` (${slots.category} findings)` : ''}`;
    case 'backups': return slots.projects.length > 0 ? `List the backups of ${targets}` : 'List the backups';
    case 'advise': return slots.projects.length > 0 ? `Show what to do next in ${targets}` : 'Show what to do next, across all projects';
    case 'money': return slots.projects.length > 0 ? `Show the money of ${targets}: hours, costs, revenue` : 'Show which projects make money';
    case 'roi': return `Show the hours invested in ${targets} and its return on investment`;
    case 'showProject': return `Open ${targets}`;
    case 'list': return `List ${slots.filters.length > 0 ? filterText(slots.filters, 'projects') : 'all projects'}`;
    case 'env': return `Show the .env files of ${targets}${profile}, values masked`;
    case 'logs': return `Show the output of ${targets}`;
    case 'audit': return 'Show the audit log (what Optimus started, stopped, backed up…)';
    case 'help': return 'Show what you can ask';
  }
}

function targetText(intent: AskIntent, slots: AskSlots, home: string | undefined): string {
  if (slots.projects.length > 0) return slots.projects.map((p) => `${p.name} (${shortPath(p.path, home)})`).join(', ');
  if (slots.all) {
    // Stopping "everything" can only mean what runs (as in targets.ts); restarting what crashed starts it again.
    const running = (intent === 'stop' || intent === 'restart') && !slots.filters.some((f) => f.kind === 'running' || (intent === 'restart' && f.kind === 'crashed'));
    return `every ${filterText(running ? [{ kind: 'running' }, ...slots.filters] : slots.filters, 'project')}`;
  }
  return 'a project (which one?)';
}

/** "python projects with uncommitted work, not touched in 180 days". */
export function filterText(filters: readonly AskFilter[], noun: 'project' | 'projects'): string {
  const stacks = filters.filter((f) => f.kind === 'stack').map((f) => f.stack);
  const head = [...(filters.some((f) => f.kind === 'running') ? ['running'] : []), ...(filters.some((f) => f.kind === 'crashed') ? ['crashed'] : []), ...stacks];
  const tail = filters.flatMap((f) => {
    if (f.kind === 'dirty') return ['with uncommitted work'];
    if (f.kind === 'unpushed') return ['with unpushed commits'];
    if (f.kind === 'stale') return [`not touched in ${f.days} days`];
    return [];
  });
  return [...head, noun, tail.join(', ')].filter(Boolean).join(' ');
}

function names(projects: readonly AskProjectRef[]): string {
  return projects.map((p) => p.name).join(', ');
}

export function shortPath(p: string, home: string | undefined): string {
  if (home && (p === home || p.startsWith(home + '/'))) return '~' + p.slice(home.length);
  return p;
}
