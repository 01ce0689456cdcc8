import { ago } from '../shared/when';
import { debtText, formatBytes, formatCpu, portsText } from './format';
import type { HeaderGit, HeaderRun, ProjectHeader } from './protocol';

const STATE_WORDS: Record<HeaderRun['state'], string> = { running: 'Running', stopped: 'Stopped', crashed: 'Crashed' };

/** "Running": what a screen reader is told when it changes (the figures below change every sample, so are not). */
export function stateWord(run: HeaderRun): string {
  return STATE_WORDS[run.state];
}

/** "12% CPU · 340 MB · :3000" while running; empty otherwise. */
export function usageText(run: HeaderRun): string {
  if (run.state !== 'running') return '';
  return [`${formatCpu(run.cpuPercent)} CPU`, formatBytes(run.memoryBytes), portsText(run.ports.slice(0, 4))].filter(Boolean).join(' · ');
}

/** "main · 3 changed files · 1 ahead", "detached HEAD", "git could not be read: …", "not a git repository". */
export function gitText(git: HeaderGit | null): string {
  if (!git) return 'Not a git repository';
  if (git.error) return `git could not be read: ${git.error}`;
  const parts = [git.branch ?? 'detached HEAD'];
  parts.push(git.changed === 0 ? 'no changes' : `${git.changed} changed ${git.changed === 1 ? 'file' : 'files'}`);
  if (git.ahead) parts.push(`${git.ahead} ahead`);
  if (git.behind) parts.push(`${git.behind} behind`);
  return parts.join(' · ');
}

/** "Health 82 / 100 · debt B (1.5 h) · analyzed 3 days ago", or that it never was. */
export function scoreText(h: ProjectHeader, now: number): string {
  if (h.health === null) return 'Not analyzed';
  const debt = h.debt ? ` · debt ${h.debt}${h.debtMinutes === null ? '' : ` (${debtText(h.debtMinutes)} to fix)`}` : '';
  return `Health ${h.health} / 100${debt}${h.analyzedAt ? ` · analyzed ${ago(h.analyzedAt, now)}` : ''}`;
}
