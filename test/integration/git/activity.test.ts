import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { activityWindow, readRepoActivity, type ActivityDay } from '../../../language-server/scanner/git/activity';
import { clearActivityCache, portfolioActivity } from '../../../language-server/scanner/git/activityPortfolio';
import { Sandbox, git } from './fixture';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Noon UTC `n` days ago: far from midnight, so the date git prints (in +0000) is the same in any test zone's window. */
const noonDaysAgo = (n: number): Date => {
  const d = new Date(Date.now() - n * DAY_MS);
  d.setUTCHours(12, 0, 0, 0);
  return d;
};
const gitDate = (d: Date): string => `@${Math.floor(d.getTime() / 1000)} +0000`;
const dateOf = (d: Date): string => d.toISOString().slice(0, 10);

interface Commit {
  author?: string;
  authored: Date;
  /** When it was committed (rebased, cherry-picked); the author date when absent. */
  committed?: Date;
}

let counter = 0;
/** A commit with its own author and dates, as GIT_AUTHOR_DATE and GIT_COMMITTER_DATE set them. */
function commit(dir: string, c: Commit): void {
  const file = path.join(dir, `f${++counter}.txt`);
  writeFileSync(file, String(counter));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: c.author ?? 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: `${(c.author ?? 'ada').split(' ')[0]?.toLowerCase()}@example.com`,
    GIT_AUTHOR_DATE: gitDate(c.authored),
    GIT_COMMITTER_DATE: gitDate(c.committed ?? c.authored),
  };
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', `commit ${counter}`], { cwd: dir, env });
}

const asMap = (days: ActivityDay[]): Record<string, number> => Object.fromEntries(days.map((d) => [d.date, d.commits]));

describe('git activity (commits per day over the last 12 months)', () => {
  const box = new Sandbox();
  before(() => box.enter());
  after(() => box.leave());
  beforeEach(() => clearActivityCache());

  it('counts every author’s commits per author date on local branches, and nothing outside the window', async () => {
    const dir = box.repo('busy');
    const d10 = noonDaysAgo(10);
    const d100 = noonDaysAgo(100);
    const d20 = noonDaysAgo(20);
    // In the order they were made: git's --since stops walking a line of history at its first older commit.
    commit(dir, { authored: noonDaysAgo(400) });
    commit(dir, { authored: d100 });
    commit(dir, { authored: d100, author: 'Grace Hopper' });
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, { authored: d20, author: 'Grace Hopper' });
    git(dir, 'checkout', '-q', 'main');
    for (let i = 0; i < 3; i++) commit(dir, { authored: new Date(d10.getTime() + i * 60_000) });
    // Rebased yesterday, written two years ago: git's --since lets it through, the author date keeps it out.
    commit(dir, { authored: noonDaysAgo(730), committed: noonDaysAgo(1) });

    const activity = await readRepoActivity(dir, activityWindow());
    assert.equal(activity.error, undefined);
    assert.deepEqual(asMap(activity.days), { [dateOf(d100)]: 2, [dateOf(d20)]: 1, [dateOf(d10)]: 3 });
    assert.equal(activity.commits, 6);
    assert.deepEqual(
      activity.days.map((d) => d.date),
      [dateOf(d100), dateOf(d20), dateOf(d10)],
      'oldest first',
    );
  });

  it('counts a detached HEAD’s commits that no branch holds', async () => {
    const dir = box.repo('detached');
    commit(dir, { authored: noonDaysAgo(5) });
    git(dir, 'checkout', '-q', '--detach');
    commit(dir, { authored: noonDaysAgo(4) });
    const activity = await readRepoActivity(dir, activityWindow());
    assert.equal(activity.commits, 2);
  });

  it('gives a repository without commits no days and no error', async () => {
    const dir = box.repo('unborn');
    const activity = await readRepoActivity(dir, activityWindow());
    assert.deepEqual(activity, { path: dir, days: [], commits: 0 });
  });

  it('never throws: a folder without .git, a broken .git, no time left and a cancelled read each give an error', async () => {
    const plain = box.path('plain');
    mkdirSync(plain, { recursive: true });
    assert.match((await readRepoActivity(plain, activityWindow())).error ?? '', /not a git repository/);

    const broken = box.path('broken');
    mkdirSync(path.join(broken, '.git'), { recursive: true });
    assert.match((await readRepoActivity(broken, activityWindow())).error ?? '', /no HEAD/);

    const dir = box.repo('slow');
    commit(dir, { authored: noonDaysAgo(3) });
    const late = await readRepoActivity(dir, activityWindow(), { timeoutMs: 0 });
    assert.match(late.error ?? '', /timed out|did not finish/);
    assert.equal(late.commits, 0);

    const controller = new AbortController();
    controller.abort();
    assert.equal((await readRepoActivity(dir, activityWindow(), { signal: controller.signal })).error, 'the read was cancelled');
  });

  it('sums the portfolio per day, totals each project, and lists the repositories it could not read', async () => {
    const a = box.repo('portfolio-a');
    const b = box.repo('portfolio-b');
    const shared = noonDaysAgo(30);
    commit(a, { authored: shared });
    commit(a, { authored: noonDaysAgo(2) });
    commit(b, { authored: shared, author: 'Grace Hopper' });
    commit(b, { authored: new Date(shared.getTime() + 60_000) });
    commit(b, { authored: new Date(shared.getTime() + 120_000) });
    const missing = box.path('gone');

    const repos = [a, b, missing, a].map((p) => ({ path: p, head: p === missing ? null : git(p, 'rev-parse', 'HEAD') }));
    const activity = await portfolioActivity(repos, { concurrency: 2 });
    assert.deepEqual(asMap(activity.days), { [dateOf(shared)]: 4, [dateOf(noonDaysAgo(2))]: 1 });
    assert.deepEqual(activity.byProject, [
      { path: b, commits: 3 },
      { path: a, commits: 2 },
    ]);
    assert.deepEqual(activity.failed.map((f) => f.path), [missing]);
    assert.deepEqual({ from: activity.from, to: activity.to }, activityWindow());
  });

  it('reads a repository again once its HEAD moves, and not before', async () => {
    const dir = box.repo('cached');
    commit(dir, { authored: noonDaysAgo(3) });
    const first = git(dir, 'rev-parse', 'HEAD');
    assert.equal((await portfolioActivity([{ path: dir, head: first }])).byProject[0]?.commits, 1);
    commit(dir, { authored: noonDaysAgo(2) });
    assert.equal((await portfolioActivity([{ path: dir, head: first }])).byProject[0]?.commits, 1, 'the same HEAD today: the result read before');
    const second = git(dir, 'rev-parse', 'HEAD');
    assert.equal((await portfolioActivity([{ path: dir, head: second }])).byProject[0]?.commits, 2);
  });

  it('takes the 12 months up to today, both ends included', () => {
    assert.deepEqual(activityWindow(new Date(2025, 2, 4, 15, 30)), { from: '2024-03-05', to: '2025-03-04' });
    assert.deepEqual(activityWindow(new Date(2024, 1, 29, 9)), { from: '2023-03-01', to: '2024-02-29' });
  });
});
