import assert from 'node:assert/strict';
import type { GitState, Project, ProjectRuntime } from '../../language-server/model';
import type { ProjectScore } from '../../language-server/protocol';
import { cardChanges, sentOf } from '../../extension/webviews/portfolioDiff';
import { activityInfo, cardRun, projectCard, projectCards } from '../../extension/webviews/portfolioModels';
import { isPortfolioMessage, LIMITS } from '../../webviews/portfolio/protocol';

function git(over: Partial<GitState> = {}): GitState {
  return {
    branch: 'main', head: 'a'.repeat(40), detached: false, dirty: true, changedFiles: 2, untrackedFiles: 1, upstream: 'origin/main', ahead: 1, behind: 0,
    lastCommit: { hash: 'a'.repeat(40), date: '2025-03-01T10:00:00.000Z', subject: 'Ship it' }, commitsLast30Days: 4, remoteUrl: null, complete: true, ...over,
  };
}

function project(over: Partial<Project> = {}): Project {
  return {
    name: 'shop', path: '/home/dev/projects/shop', root: '/home/dev/projects',
    stack: { languages: ['typescript'], frameworks: ['react', 'next'], packageManagers: ['npm'] },
    git: git(), dependencies: { count: 0, manifests: [] }, children: [], parent: null, findings: [], scannedAt: '2025-03-02T00:00:00.000Z', ...over,
  };
}

const runtime = (over: Partial<ProjectRuntime> = {}): ProjectRuntime => ({ path: '/home/dev/projects/shop', running: true, pids: [41], ports: [5173, 3000, 3000], cpuPercent: 12.345, memoryBytes: 3e8, containerIds: [], ...over });
const score: ProjectScore = { path: '/home/dev/projects/shop', health: 81.6, debtRating: 'B', debtMinutes: 90, analyzedAt: '2025-03-02T00:00:00.000Z' };

describe('portfolio host models (what the host sends the page)', () => {
  it('makes a card of a project, its runtime and its score', () => {
    assert.deepEqual(projectCard(project(), runtime(), score), {
      path: '/home/dev/projects/shop',
      name: 'shop',
      parentName: null,
      stack: [
        { id: 'typescript', label: 'TypeScript', kind: 'language' },
        { id: 'react', label: 'React', kind: 'framework' },
        { id: 'next', label: 'Next.js', kind: 'framework' },
      ],
      run: { state: 'running', cpuPercent: 12.3, memoryBytes: 3e8, ports: [3000, 5173] },
      health: 82,
      debt: 'B',
      lastActivity: '2025-03-01T10:00:00.000Z',
      git: { branch: 'main', changed: 3, ahead: 1, behind: 0, error: null },
    });
  });

  it('says stopped, crashed, not analyzed and no git plainly', () => {
    const c = projectCard(project({ git: null, parent: '/home/dev/projects/mono' }), undefined, undefined);
    assert.deepEqual([c.run.state, c.health, c.debt, c.lastActivity, c.git, c.parentName], ['stopped', null, null, null, null, 'mono']);
    assert.equal(cardRun(runtime({ running: false, crashed: { exitCode: 1, signal: null, at: '2025-03-02T00:00:00.000Z', command: 'npm run dev' } })).state, 'crashed');
    assert.deepEqual(cardRun(runtime({ running: false })), { state: 'stopped', cpuPercent: 0, memoryBytes: 0, ports: [] });
  });

  it('cuts and cleans what would break the page’s guard, instead of losing the whole list', () => {
    const odd = project({ name: 'n'.repeat(LIMITS.text * 2), stack: { languages: ['go', 'bad id<script>'], frameworks: [], packageManagers: [] }, git: git({ error: 'git status: fatal\nsecond line', lastCommit: { hash: 'b', date: 'not a date', subject: '' } }) });
    const c = projectCard(odd, runtime({ cpuPercent: Number.NaN, ports: [0, 80, 70_000] }), { ...score, health: 140, debtRating: 'Z' });
    assert.equal(c.name.length, LIMITS.text);
    assert.deepEqual(c.stack.map((t) => t.id), ['go']);
    assert.deepEqual([c.run.cpuPercent, c.run.ports], [0, [80]]);
    assert.deepEqual([c.health, c.debt, c.lastActivity, c.git?.error], [100, null, null, 'git status: fatal']);
    assert.equal(isPortfolioMessage({ type: 'cards', cards: [c], index: 'ready' }), true);
  });

  it('leaves out a card the page would refuse (a path past the bound) rather than the list', () => {
    const cards = projectCards([project(), project({ path: `/${'p'.repeat(LIMITS.path)}` })], () => undefined, () => undefined);
    assert.deepEqual(cards.map((c) => c.path), ['/home/dev/projects/shop']);
  });

  it('sends only the cards that changed, and the paths that are gone', () => {
    const a = projectCard(project(), undefined, score);
    const b = projectCard(project({ name: 'blog', path: '/p/blog' }), undefined, undefined);
    const sent = sentOf([a, b]);
    const started = projectCard(project(), runtime(), score);
    const c = projectCard(project({ name: 'api', path: '/p/api' }), undefined, undefined);
    const changes = cardChanges(sent, [started, c]);
    assert.deepEqual(changes.updated.map((x) => x.path), ['/home/dev/projects/shop', '/p/api']);
    assert.deepEqual(changes.removed, ['/p/blog']);
    assert.deepEqual(cardChanges(changes.sent, [started, c]).updated, [], 'nothing changed since: nothing to send');
  });

  it('sends the activity with its failures as a count', () => {
    const info = activityInfo({ from: '2025-03-05', to: '2026-03-04', days: [{ date: '2025-04-01', commits: 3 }], byProject: [{ path: '/p/a', commits: 3 }], failed: [{ path: '/p/b', error: 'not a git repository' }] });
    assert.deepEqual(info, { from: '2025-03-05', to: '2026-03-04', days: [{ date: '2025-04-01', commits: 3 }], byProject: [{ path: '/p/a', commits: 3 }], failed: 1 });
    assert.equal(isPortfolioMessage({ type: 'activity', activity: info }), true);
  });
});
