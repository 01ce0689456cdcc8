import type { Project } from '../model';
import type { AskFilter, AskIntent, AskSlots } from './askTypes';

/**
 * The projects an understood sentence acts on: those it named, or — for "all" — every project that passes its
 * filters. Pure: the caller (CLI or extension) says what runs and what crashed, from what it can see.
 */
export interface TargetFacts {
  running(path: string): boolean;
  /** Null when the caller cannot know (the CLI sees no crashes: the extension's runtime monitor records them). */
  crashed(path: string): boolean | null;
  now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const NODE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);

export function selectTargets(intent: AskIntent, slots: AskSlots, projects: readonly Project[], facts: TargetFacts): Project[] {
  if (slots.projects.length > 0) {
    const wanted = new Set(slots.projects.map((p) => p.path));
    return projects.filter((p) => wanted.has(p.path));
  }
  if (!slots.all && intent !== 'list') return [];
  // Stopping or restarting "everything" means what runs; restarting "what crashed" means starting it again.
  const byState = slots.filters.some((f) => f.kind === 'running' || (intent === 'restart' && f.kind === 'crashed'));
  const implied: AskFilter[] = (intent === 'stop' || intent === 'restart') && !byState ? [{ kind: 'running' }] : [];
  const filters = [...implied, ...slots.filters];
  // A monorepo's members are backed up, analyzed… with it; what runs is placed in the member, so it counts there.
  const byRuntime = filters.some((f) => f.kind === 'running' || f.kind === 'crashed');
  return projects.filter((p) => (byRuntime || p.parent === null) && filters.every((f) => passes(p, f, facts)));
}

export function passes(p: Project, f: AskFilter, facts: TargetFacts): boolean {
  switch (f.kind) {
    case 'dirty': return p.git?.dirty === true;
    case 'unpushed': return (p.git?.ahead ?? 0) > 0;
    case 'stale': {
      const last = p.git?.lastCommit?.date;
      return last !== undefined && facts.now.getTime() - Date.parse(last) >= f.days * DAY_MS;
    }
    case 'stack': return hasStack(p, f.stack);
    case 'running': return facts.running(p.path);
    case 'crashed': return facts.crashed(p.path) === true;
  }
}

function hasStack(p: Project, stack: string): boolean {
  const { languages, frameworks, packageManagers } = p.stack;
  if (stack === 'node') return packageManagers.some((m) => NODE_MANAGERS.has(m));
  return languages.includes(stack) || frameworks.includes(stack) || packageManagers.includes(stack);
}
