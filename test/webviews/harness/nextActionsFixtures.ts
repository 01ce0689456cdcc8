import type { Recommendation } from '../../../language-server/advisor/recommend/recommendation';
import type { NextAction } from '../../../webviews/project/nextActions';

export const SHOP = '/home/dev/projects/shop';
export const BLOG = '/home/dev/projects/blog';
export const API = '/home/dev/projects/api';

/** Markup in every string the page shows: a page that parsed any of it as HTML would run `onerror`. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** A recommendation as the server answers AdviseRequest. */
export function recommendation(over: Partial<Recommendation> = {}): Recommendation {
  const projectPath = over.projectPath ?? SHOP;
  const kind = over.kind ?? 'no-backup';
  return {
    id: `${kind}:${projectPath}`,
    projectPath,
    projectName: projectPath.split('/').pop() ?? projectPath,
    kind,
    title: 'Back up shop',
    why: 'It has recent work and has never been backed up by Optimus.',
    impact: 'medium',
    effort: 'minutes',
    score: 4,
    action: { kind: 'backup', path: projectPath },
    ...over,
  };
}

/** A next action as the hosts send it to a page. */
export function nextAction(over: Partial<NextAction> = {}): NextAction {
  const projectPath = over.projectPath ?? SHOP;
  return {
    id: `no-backup:${projectPath}`,
    projectPath,
    projectName: projectPath.split('/').pop() ?? projectPath,
    title: 'Back up shop',
    why: 'It has recent work and has never been backed up by Optimus.',
    impact: 'medium',
    effort: 'minutes',
    action: 'backup',
    ...over,
  };
}

/** shop's list, ranked as the advisor ranks it: one item of each action kind, and one with no action. */
export function shopActions(): NextAction[] {
  return [
    nextAction({ id: `crashed:${SHOP}`, title: 'Find out why shop crashed', why: 'Its last run exited with code 1.', impact: 'high', effort: 'minutes', action: 'diagnose' }),
    nextAction({ id: `work-at-risk:${SHOP}`, title: 'Commit or back up the uncommitted work in shop', why: '3 changed files and no commit for 9 days, and no backup.', impact: 'high', effort: 'minutes', action: 'backup' }),
    nextAction({ id: `security:${SHOP}`, title: 'Fix 2 security findings in shop', why: 'Secrets, dangerous code or vulnerable dependencies were found in its last analysis.', impact: 'high', effort: 'hours', action: 'analyze' }),
    nextAction({ id: `missing-license:${SHOP}`, title: 'Add a LICENSE to shop', why: 'Without one, nobody may legally use, sell or contribute to it.', impact: 'medium', effort: 'minutes', action: 'open' }),
    nextAction({ id: `someday:${SHOP}`, title: 'Think about shop', why: 'Nothing to click: the title says it.', impact: 'low', effort: 'days', action: null }),
  ];
}

const NAMES = ['shop', 'blog', 'api', 'billing', 'search', 'auth', 'admin', 'docs', 'infra', 'chat'];

/** The portfolio's top `n`, across projects, highest first. */
export function portfolioActions(n = 8): NextAction[] {
  return Array.from({ length: n }, (_, i) => {
    const name = NAMES[i % NAMES.length] ?? 'p';
    const projectPath = `/home/dev/projects/${name}`;
    const [kind, title, action] = i % 3 === 0 ? ['work-at-risk', `Commit or back up the uncommitted work in ${name}`, 'backup'] as const : i % 3 === 1 ? ['security', `Fix 1 security finding in ${name}`, 'analyze'] as const : ['unpushed', `Push 2 commits of ${name}`, 'open'] as const;
    return nextAction({ id: `${kind}:${projectPath}`, projectPath, projectName: name, title, why: `Why ${name} needs this (${i + 1}).`, impact: i < 3 ? 'high' : 'medium', effort: i % 2 === 0 ? 'minutes' : 'hours', action });
  });
}
