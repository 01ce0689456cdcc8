import assert from 'node:assert/strict';
import type { AuthoredCommit } from '../../../../language-server/advisor/roi/commitRecords';
import { estimateHours, monthOf, toHours } from '../../../../language-server/advisor/roi/gitHours';

const MIN = 60;
const T0 = Date.UTC(2024, 0, 10, 9, 0, 0) / 1000;
const ada = (minutes: number, email = 'ada@example.com', name = 'Ada'): AuthoredCommit => ({ name, email, time: T0 + minutes * MIN });
const bob = (minutes: number): AuthoredCommit => ({ name: 'Bob', email: 'bob@example.com', time: T0 + minutes * MIN });

describe('advisor/roi: git-hours sessions', () => {
  it('counts one commit as one session worth the first-commit allowance', () => {
    const e = estimateHours([ada(0)]);
    assert.deepEqual([e.commits, e.sessions, e.seconds], [1, 1, 120 * MIN]);
    assert.deepEqual(e.authors, [{ name: 'Ada', email: 'ada@example.com', commits: 1, sessions: 1, seconds: 120 * MIN }]);
  });

  it('continues a session below the gap and starts a new one at exactly the gap', () => {
    const justUnder = estimateHours([ada(0), ada(119), { ...ada(119), time: T0 + 119 * MIN + 59 }]);
    assert.deepEqual([justUnder.sessions, justUnder.seconds], [1, 120 * MIN + 119 * MIN + 59]);
    const exactly = estimateHours([ada(0), ada(120)]);
    assert.deepEqual([exactly.sessions, exactly.seconds], [2, 240 * MIN], '120 min apart is not "less than 120"');
    const oneSecondLess = estimateHours([ada(0), { ...ada(0), time: T0 + 120 * MIN - 1 }]);
    assert.deepEqual([oneSecondLess.sessions, oneSecondLess.seconds], [1, 240 * MIN - 1]);
  });

  it('sorts by author date whatever order git printed', () => {
    const e = estimateHours([ada(300), ada(0), ada(30), ada(330)]);
    assert.deepEqual([e.sessions, e.seconds], [2, (120 + 30 + 120 + 30) * MIN]);
  });

  it('keeps interleaved authors apart: each has their own sessions', () => {
    // Together they commit every 60 min; alone each commits every 120 min, so every commit starts a session.
    const e = estimateHours([ada(0), bob(60), ada(120), bob(180), ada(240)]);
    assert.deepEqual(
      e.authors.map((a) => [a.name, a.commits, a.sessions, a.seconds]),
      [['Ada', 3, 3, 360 * MIN], ['Bob', 2, 2, 240 * MIN]],
    );
    assert.deepEqual([e.commits, e.sessions, e.seconds], [5, 5, 600 * MIN]);
  });

  it('merges the identities .mailmap made one (same email, any case, older name) and shows the newest name', () => {
    const e = estimateHours([ada(0, 'Ada@Example.com', 'ada l.'), ada(30, 'ada@example.com', 'Ada Lovelace'), bob(10)]);
    assert.equal(e.authors.length, 2);
    assert.deepEqual(e.authors[0], { name: 'Ada Lovelace', email: 'ada@example.com', commits: 2, sessions: 1, seconds: 150 * MIN });
  });

  it('groups commits without an email by name', () => {
    const e = estimateHours([ada(0, '', 'Anon'), ada(10, '', 'anon'), ada(20, '', 'Other')]);
    assert.deepEqual(e.authors.map((a) => [a.name, a.commits]), [['anon', 2], ['Other', 1]]);
  });

  it('puts each commit’s contribution in its own UTC month: a session across midnight of a month’s end is split at its commits', () => {
    const jan31 = Date.UTC(2024, 0, 31, 23, 0, 0) / 1000;
    const commits: AuthoredCommit[] = [0, 50, 90, 130].map((m) => ({ name: 'Ada', email: 'a@x', time: jan31 + m * MIN }));
    const e = estimateHours(commits);
    assert.equal(e.sessions, 1);
    // 23:00 starts (120), 23:50 adds 50 in January; 00:30 and 01:10 on Feb 1 add 40 + 40 in February.
    assert.deepEqual(e.byMonth, [{ month: '2024-01', seconds: 170 * MIN }, { month: '2024-02', seconds: 80 * MIN }]);
    assert.equal(e.byMonth.reduce((s, m) => s + m.seconds, 0), e.seconds);
  });

  it('takes the gap and the allowance from the options', () => {
    const commits = [ada(0), ada(20), ada(55)];
    assert.deepEqual(estimateHours(commits, { gapMinutes: 30, firstCommitMinutes: 15 }).seconds, (15 + 20 + 15) * MIN);
    assert.deepEqual(estimateHours(commits, { gapMinutes: 30, firstCommitMinutes: 0 }).sessions, 2);
  });

  it('gives zeros for no commits, and rounds only when shown', () => {
    assert.deepEqual(estimateHours([]), { commits: 0, sessions: 0, seconds: 0, authors: [], byMonth: [] });
    assert.equal(toHours(120 * MIN + 3 * MIN), 2.1); // 2.05 h
    assert.equal(toHours(5 * 3600 + 2 * MIN), 5);
    assert.equal(monthOf(Date.UTC(2023, 11, 31, 23, 59, 59) / 1000), '2023-12');
  });
});
