import path from 'node:path';
import type { GitState, Project, ProjectRuntime } from '../../language-server/model';
import type { ProjectScore } from '../../language-server/protocol';
import type { PortfolioActivity as ServerActivity } from '../../language-server/scanner/git/activityPortfolio';
import { DEBT_RATINGS, isProjectCard, LIMITS, type CardGit, type CardRun, type PortfolioActivity, type ProjectCard, type StackTag } from '../../webviews/portfolio/protocol';
import { displayName } from '../tree/labels';

/**
 * What the Portfolio panel is sent, drawn from the client's models: only the fields a card shows, cut to the
 * protocol's bounds so one odd project is shortened rather than the whole list refused by the webview's guard.
 */
export function projectCard(p: Project, runtime: ProjectRuntime | undefined, score: ProjectScore | undefined): ProjectCard {
  return {
    path: p.path,
    name: text(p.name),
    parentName: p.parent ? text(path.basename(p.parent)) : null,
    stack: stackTags(p),
    run: cardRun(runtime),
    health: score && Number.isFinite(score.health) ? Math.min(100, Math.max(0, Math.round(score.health))) : null,
    debt: score && (DEBT_RATINGS as readonly string[]).includes(score.debtRating) ? (score.debtRating as ProjectCard['debt']) : null,
    lastActivity: lastActivity(p.git),
    git: p.git ? cardGit(p.git) : null,
  };
}

/**
 * Every project's card, in the model's order (by name). A card the page would still refuse (a path longer
 * than the protocol carries) is left out rather than the whole list.
 */
export function projectCards(
  projects: readonly Project[],
  runtime: (path: string) => ProjectRuntime | undefined,
  score: (path: string) => ProjectScore | undefined,
): ProjectCard[] {
  return projects
    .slice(0, LIMITS.projects)
    .map((p) => projectCard(p, runtime(p.path), score(p.path)))
    .filter(isProjectCard);
}

function stackTags(p: Project): StackTag[] {
  const tag = (kind: StackTag['kind']) => (id: string): StackTag => ({ id, label: text(displayName(id)), kind });
  const tags = [...p.stack.languages.map(tag('language')), ...p.stack.frameworks.map(tag('framework'))];
  // Ids come from the scanner's own tables; one it would not make (spaces, markup) is dropped, not sent.
  return tags.filter((t) => /^[a-z0-9][a-z0-9._+#-]{0,63}$/i.test(t.id)).slice(0, LIMITS.stackTags);
}

export function cardRun(r: ProjectRuntime | undefined): CardRun {
  if (!r || !r.running) return { state: r?.crashed ? 'crashed' : 'stopped', cpuPercent: 0, memoryBytes: 0, ports: [] };
  return {
    state: 'running',
    // One decimal: what the card shows, and finer changes would make every sample a card update.
    cpuPercent: Math.min(LIMITS.cpuPercent, Math.max(0, Math.round((Number.isFinite(r.cpuPercent) ? r.cpuPercent : 0) * 10) / 10)),
    memoryBytes: Number.isSafeInteger(r.memoryBytes) && r.memoryBytes > 0 ? r.memoryBytes : 0,
    ports: [...new Set(r.ports)].filter((p) => Number.isInteger(p) && p >= 1 && p <= 65_535).sort((a, b) => a - b).slice(0, LIMITS.ports),
  };
}

function cardGit(g: GitState): CardGit {
  return {
    branch: g.branch === null ? null : text(g.branch),
    changed: count(g.changedFiles + g.untrackedFiles),
    ahead: g.ahead === null ? null : count(g.ahead),
    behind: g.behind === null ? null : count(g.behind),
    error: g.error ? text(g.error.split('\n')[0] ?? g.error) : null,
  };
}

function lastActivity(g: GitState | null): string | null {
  const date = g?.lastCommit?.date;
  return date && date.length <= 40 && !Number.isNaN(Date.parse(date)) ? date : null;
}

/** The server's activity as the page takes it: failures as a count (the host logs which), lists cut to bounds. */
export function activityInfo(a: ServerActivity): PortfolioActivity {
  return {
    from: a.from,
    to: a.to,
    days: a.days.filter((d) => d.commits > 0).slice(-LIMITS.days),
    byProject: a.byProject.filter((p) => p.path.length <= LIMITS.path).slice(0, LIMITS.projects).map((p) => ({ path: p.path, commits: count(p.commits) })),
    failed: Math.min(a.failed.length, LIMITS.projects),
  };
}

const count = (n: number): number => (Number.isSafeInteger(n) ? Math.min(LIMITS.commits, Math.max(0, n)) : 0);

function text(s: string): string {
  return s.length > LIMITS.text ? `${s.slice(0, LIMITS.text - 1)}…` : s;
}
