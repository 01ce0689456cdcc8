import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readCommitHistory } from '../../../../language-server/advisor/roi/gitHistory';
import { estimateHours, identityKey, toHours } from '../../../../language-server/advisor/roi/gitHours';
import type { HoursEstimate } from '../../../../language-server/advisor/roi/gitHours';
import { REPO } from '../../helpers/cli';
import { git } from '../../helpers/git';
import { useTempDir } from '../../helpers/tempDir';
import { commitAt, datedRepo, independentHours } from './fixture';
import type { DatedCommit, IndependentHours } from './fixture';

const ADA = 'Ada Lovelace <ada@example.com>';
const ADA_OLD = 'ada <Ada@Old.example>';
const BOB = 'Bob <bob@example.com>';
const MAILMAP = 'Ada Lovelace <ada@example.com> <ada@old.example>\n';

/** Two authors, one under two addresses; sessions across a month's end in a non-UTC zone; committer dates moved. */
const COMMITS: DatedCommit[] = [
  { author: ADA_OLD, at: '2024-01-31T22:00:00+02:00' }, // 20:00 UTC, starts a session
  { author: BOB, at: '2024-01-31T20:30:00Z' },
  { author: ADA, at: '2024-01-31T23:30:00+02:00', committedAt: '2024-03-01T00:00:00Z' }, // +90 min
  { author: ADA, at: '2024-02-01T01:29:59+02:00' }, // still Jan 31 in UTC, +119:59
  { author: ADA, at: '2024-02-01T02:29:59+00:00' }, // Feb 1 UTC, 3 h later: a new session
  { author: BOB, at: '2024-01-31T22:30:00Z' }, // exactly 120 min after Bob's first: a new session
  { author: ADA_OLD, at: '2024-02-01T03:00:00Z' }, // +30:01
];

function ours(estimate: HoursEstimate) {
  return {
    commits: estimate.commits,
    sessions: estimate.sessions,
    seconds: estimate.seconds,
    authors: Object.fromEntries(estimate.authors.map((a) => [identityKey(a).replace(/^email:/, ''), [a.commits, a.sessions, a.seconds]])),
    byMonth: Object.fromEntries(estimate.byMonth.map((m) => [m.month, m.seconds])),
  };
}

function theirs(py: IndependentHours) {
  return {
    commits: py.commits,
    sessions: py.sessions,
    seconds: py.seconds,
    authors: Object.fromEntries(Object.entries(py.authors).map(([key, a]) => [key, [a.commits, a.sessions, a.seconds]])),
    byMonth: py.byMonth,
  };
}

/** Also git-hours' own figure: ours less one allowance per author, unrounded (see gitHours.ts). */
function assertGitHoursRelation(estimate: HoursEstimate, py: IndependentHours, firstMinutes: number): void {
  for (const a of estimate.authors) {
    const theirsUnrounded = py.authors[identityKey(a).replace(/^email:/, '')]?.gitHoursUnrounded;
    assert.ok(theirsUnrounded !== undefined && Math.abs(theirsUnrounded - (a.seconds - firstMinutes * 60) / 3600) < 1e-6, `${a.email}: ${theirsUnrounded}`);
  }
}

async function compare(repo: string, gap = 120, first = 120): Promise<{ estimate: HoursEstimate; py: IndependentHours }> {
  const history = await readCommitHistory(repo);
  const estimate = estimateHours(history.commits, { gapMinutes: gap, firstCommitMinutes: first });
  const py = await independentHours(repo, gap, first);
  assert.deepEqual(ours(estimate), theirs(py));
  assertGitHoursRelation(estimate, py, first);
  return { estimate, py };
}

function report(label: string, { estimate, py }: { estimate: HoursEstimate; py: IndependentHours }): void {
  console.log(`      ${label}: ${toHours(estimate.seconds)} h, ${estimate.sessions} sessions, ${estimate.commits} commits (Python: ${py.seconds} s = ours; git-hours' own rounding: ${py.gitHours} h)`);
  for (const a of estimate.authors) console.log(`        ${a.name} <${a.email}>: ${toHours(a.seconds)} h, ${a.sessions} sessions, ${a.commits} commits`);
}

describe('advisor/roi: hours from real git history', function () {
  this.timeout(120_000);
  const tmp = useTempDir('roi-hours');

  it('reads author, email after .mailmap and author date (not committer date) of HEAD’s commits', async () => {
    const repo = path.join(tmp(), 'shop');
    await datedRepo(repo, COMMITS, MAILMAP);
    const history = await readCommitHistory(repo);
    assert.deepEqual(history.notes, []);
    assert.equal(history.commits.length, COMMITS.length);
    assert.deepEqual(history.commits.at(-1), { name: 'Ada Lovelace', email: 'ada@example.com', time: Date.parse('2024-01-31T20:00:00Z') / 1000 });
    assert.equal(history.commits.find((c) => c.time === Date.parse('2024-01-31T21:30:00Z') / 1000)?.name, 'Ada Lovelace', 'author date, though committed in March');
  });

  it('counts sessions per author exactly as the independent Python implementation does, with the defaults and other options', async () => {
    const repo = path.join(tmp(), 'shop');
    await datedRepo(repo, COMMITS, MAILMAP);
    const result = await compare(repo);
    const ada = result.estimate.authors.find((a) => a.email === 'ada@example.com');
    assert.deepEqual([ada?.commits, ada?.sessions, ada?.seconds], [5, 2, (120 + 90 + 119 + 120) * 60 + 59 + 30 * 60 + 1]);
    assert.deepEqual(result.estimate.byMonth.map((m) => m.month), ['2024-01', '2024-02']);
    report('made repository', result);
    await compare(repo, 30, 15);
    await compare(repo, 1, 0);
  });

  it('leaves out commits of other branches: HEAD’s history only, as git-hours counts by default', async () => {
    const repo = path.join(tmp(), 'branches');
    await datedRepo(repo, COMMITS.slice(0, 2));
    await git(repo, 'checkout', '-q', '-b', 'experiment');
    await commitAt(repo, { author: BOB, at: '2024-05-01T10:00:00Z' }, 99);
    await git(repo, 'checkout', '-q', 'main');
    assert.equal((await readCommitHistory(repo)).commits.length, 2);
    await compare(repo);
  });

  it('counts the newest commits up to the limit, with a note', async () => {
    const repo = path.join(tmp(), 'long');
    await datedRepo(repo, COMMITS);
    const history = await readCommitHistory(repo, { maxCommits: 3 });
    assert.equal(history.commits.length, 3);
    assert.match(history.notes.join('\n'), /Only the newest 3 commits were counted/);
    assert.deepEqual((await readCommitHistory(repo, { maxCommits: COMMITS.length })).notes, [], 'exactly the limit is not cut');
  });

  it('gives zero commits and a clear note for a folder that is no repository, one without commits, and a broken one', async () => {
    const plain = path.join(tmp(), 'plain');
    await mkdir(plain);
    const fresh = path.join(tmp(), 'fresh');
    await mkdir(fresh);
    await git(fresh, 'init', '-q', '-b', 'main');
    const broken = path.join(tmp(), 'broken');
    await mkdir(path.join(broken, '.git'), { recursive: true });
    await writeFile(path.join(broken, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const garbage = path.join(tmp(), 'garbage');
    await mkdir(path.join(garbage, '.git'), { recursive: true });
    await writeFile(path.join(garbage, '.git', 'HEAD'), 'not a ref\n');
    const corrupt = path.join(tmp(), 'corrupt');
    await datedRepo(corrupt, COMMITS.slice(0, 1));
    await writeFile(path.join(corrupt, '.git', 'refs', 'heads', 'main'), `${'1234567890'.repeat(4)}\n`);
    for (const [dir, note] of [
      [plain, /is not a git repository \(no \.git\)/],
      [corrupt, /git log: bad object HEAD: no hours counted/],
      [fresh, /has no commits yet/],
      [broken, /not a git repository.*no hours counted/],
      [garbage, /HEAD holds neither a ref nor a commit id: no hours counted/],
    ] as const) {
      const history = await readCommitHistory(dir);
      assert.deepEqual(history.commits, [], dir);
      assert.equal(history.notes.length, 1, dir);
      assert.match(history.notes[0] ?? '', note, dir);
    }
  });

  it('agrees exactly with the independent implementation on this repository’s own history', async function () {
    const history = await readCommitHistory(REPO);
    if (history.commits.length === 0) this.skip(); // a source tree without its .git (an unpacked archive)
    const result = await compare(REPO);
    report(`this repository (${REPO})`, result);
    report('this repository, gap 30 min, first commit 30 min', await compare(REPO, 30, 30));
  });
});
