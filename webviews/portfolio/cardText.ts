import { ago as treeAgo } from '../../extension/tree/labels';
import { formatBytes, formatCpu } from './charts/resourceRows';
import type { CardGit, CardRun, ProjectCard } from './protocol';

/** "Running · 12% CPU · 340 MB · :3000": the state as the card's label says it. */
export function runText(run: CardRun): string {
  if (run.state === 'stopped') return 'Stopped';
  if (run.state === 'crashed') return 'Crashed';
  return `Running · ${usageText(run)}`;
}

/** "12% CPU · 340 MB · :3000": what a running project uses, on the card's last line. */
export function usageText(run: CardRun): string {
  const ports = run.ports.slice(0, 3).map((p) => `:${p}`).join(' ');
  return [`${formatCpu(run.cpuPercent)} CPU`, formatBytes(run.memoryBytes), ports].filter(Boolean).join(' · ');
}

/** `●3 ↑1 ↓2`, as the Projects tree writes a repository's state; empty when clean. */
export function gitBadges(git: CardGit): string {
  if (git.error) return '⚠ git';
  return [git.changed > 0 ? `●${git.changed}` : '', git.ahead ? `↑${git.ahead}` : '', git.behind ? `↓${git.behind}` : ''].filter(Boolean).join(' ');
}

/** "3 days ago", as the Projects tree says it (a pure module, shared); "no commits" without a time. */
export function ago(iso: string | null, now: number): string {
  return iso === null ? 'no commits' : treeAgo(iso, now);
}

/** The whole card in one sentence: the name a screen reader gives the card's button. */
export function cardLabel(c: ProjectCard, now: number): string {
  const parts = [c.parentName ? `${c.name}, in ${c.parentName}` : c.name, runText(c.run)];
  parts.push(c.health === null ? 'not analyzed' : `health ${c.health} of 100, debt rating ${c.debt ?? 'unknown'}`);
  parts.push(c.lastActivity === null ? 'no commits' : `last commit ${ago(c.lastActivity, now)}`);
  if (c.git) parts.push(gitSentence(c.git));
  else parts.push('not a git repository');
  if (c.stack.length > 0) parts.push(c.stack.map((t) => t.label).join(', '));
  return parts.join('. ');
}

function gitSentence(git: CardGit): string {
  if (git.error) return `git could not be read: ${git.error}`;
  const parts = [git.branch ? `branch ${git.branch}` : 'detached HEAD'];
  if (git.changed > 0) parts.push(`${git.changed} changed ${git.changed === 1 ? 'file' : 'files'}`);
  if (git.ahead) parts.push(`${git.ahead} ahead`);
  if (git.behind) parts.push(`${git.behind} behind`);
  return parts.join(', ');
}
