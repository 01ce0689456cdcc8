import assert from 'node:assert/strict';
import { advise } from '../../../../language-server/advisor/recommend/advise';
import type { ProjectSignals } from '../../../../language-server/advisor/recommend/signals';
import type { GitState } from '../../../../language-server/model';
import { sampleProject } from '../../store/helpers';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const daysAgo = (n: number): string => new Date(NOW.getTime() - n * 86_400_000).toISOString();

function signals(name: string, git: Partial<GitState>, extra: Partial<ProjectSignals> = {}): ProjectSignals {
  const base = sampleProject(name);
  const project = { ...base, git: { ...base.git!, ...git } };
  return { project, scores: null, lastBackupAt: null, checks: new Set(), runtime: null, ...extra };
}

const clean = { dirty: false, changedFiles: 0, ahead: 0, commitsLast30Days: 0, lastCommit: { hash: 'a', date: daysAgo(10), subject: 's' } };
const kinds = (list: ReturnType<typeof advise>): string[] => list.map((r) => `${r.kind}:${r.projectName}`);

describe('advisor: what to do next', () => {
  it('has nothing to say about a clean, pushed, backed-up, analyzed project with its basics', () => {
    const s = signals('tidy', clean, { lastBackupAt: daysAgo(1), scores: { recordedAt: daysAgo(1), healthScore: 90, debtMinutes: 30, debtRating: 'A', loc: 1000, metrics: { security: 0 } } });
    assert.deepEqual(advise([s], { now: NOW }), []);
  });

  it('ranks work at risk and a crash above pushing, backups and hygiene, and each has its action', () => {
    const list = advise([
      signals('risky', { ...clean, dirty: true, changedFiles: 4, lastCommit: { hash: 'a', date: daysAgo(9), subject: 's' } }),
      signals('ahead', { ...clean, ahead: 3 }),
      signals('bare', clean, { checks: new Set(['debt/missing-license', 'debt/missing-readme']) }),
      signals('crashy', clean, { runtime: { path: '/x', running: false, pids: [], ports: [], cpuPercent: 0, memoryBytes: 0, containerIds: [], crashed: { exitCode: 3, signal: null, at: daysAgo(0), command: 'npm start' } } as never }),
    ], { now: NOW });
    assert.deepEqual(kinds(list), ['crashed:crashy', 'work-at-risk:risky', 'unpushed:ahead', 'missing-license:bare', 'no-backup:risky', 'missing-readme:bare']);
    assert.match(list[1]!.why, /4 changed files and no commit for 9 days, and no backup/);
    assert.deepEqual(list[1]!.action, { kind: 'backup', path: list[1]!.projectPath });
    assert.deepEqual(list[0]!.action?.kind, 'diagnose');
  });

  it('does not call recent uncommitted work at risk, nor a recent backup missing', () => {
    const fresh = signals('fresh', { ...clean, dirty: true, changedFiles: 1, commitsLast30Days: 5, lastCommit: { hash: 'a', date: daysAgo(1), subject: 's' } }, { lastBackupAt: daysAgo(2) });
    assert.deepEqual(advise([fresh], { now: NOW }), []);
    assert.deepEqual(kinds(advise([fresh], { now: NOW, uncommittedDays: 1, backupDays: 1 })), ['work-at-risk:fresh', 'no-backup:fresh']);
  });

  it('speaks of security findings, low health, a poor debt rating, staleness and monetization gaps', () => {
    const analyzed = signals('shop', clean, { lastBackupAt: daysAgo(1), scores: { recordedAt: daysAgo(1), healthScore: 42, debtMinutes: 600, debtRating: 'E', loc: 1, metrics: { security: 2 } }, monetizationGaps: { model: 'saas-subscription', gaps: ['no payments integration', 'no pricing page'] } });
    const old = signals('attic', { ...clean, lastCommit: { hash: 'a', date: daysAgo(400), subject: 's' } });
    const list = advise([analyzed, old], { now: NOW });
    assert.deepEqual(kinds(list), ['security:shop', 'stale:attic', 'debt:shop', 'health:shop', 'monetization:shop'], 'impact over effort, then by name');
    assert.equal(list[0]!.title, 'Fix 2 security findings in shop');
    assert.match(list.at(-1)!.why, /no payments integration, no pricing page/);
  });

  it('copes with projects that have no git, bad dates and no data at all', () => {
    const base = sampleProject('nogit');
    const odd = signals('odd', { ...clean, lastCommit: { hash: 'a', date: 'not a date', subject: 's' } });
    assert.deepEqual(advise([{ project: { ...base, git: null }, scores: null, lastBackupAt: null, checks: new Set(), runtime: null }, odd], { now: NOW }), []);
  });
});
