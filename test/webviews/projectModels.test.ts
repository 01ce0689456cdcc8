import assert from 'node:assert/strict';
import path from 'node:path';
import type { ProjectDetail } from '../../language-server/analyzer/detail/projectDetailTypes';
import type { GitState, Project, ProjectRuntime } from '../../language-server/model';
import type { ProjectScore } from '../../language-server/protocol';
import { activityView, detailView, fileInProject, itemLocation, openDecision, projectChoices, projectHeader, UsageHistory } from '../../extension/webviews/projectModels';
import { DETAIL_LIMITS, isDetailView } from '../../webviews/project/detailView';
import { isProjectMessage, LIMITS } from '../../webviews/project/protocol';

const SHOP = '/home/dev/projects/shop';

function git(over: Partial<GitState> = {}): GitState {
  return {
    branch: 'main', head: 'a'.repeat(40), detached: false, dirty: true, changedFiles: 2, untrackedFiles: 1, upstream: 'origin/main', ahead: 1, behind: 0,
    lastCommit: { hash: 'a'.repeat(40), date: '2025-03-01T10:00:00.000Z', subject: 'Ship it' }, commitsLast30Days: 4, remoteUrl: null, complete: true, ...over,
  };
}

function project(over: Partial<Project> = {}): Project {
  return {
    name: 'shop', path: SHOP, root: '/home/dev/projects', stack: { languages: ['typescript'], frameworks: ['react'], packageManagers: ['npm'] },
    git: git(), dependencies: { count: 0, manifests: [] }, children: [], parent: null, findings: [], scannedAt: '2025-03-02T00:00:00.000Z', ...over,
  };
}

const runtime = (over: Partial<ProjectRuntime> = {}): ProjectRuntime => ({ path: SHOP, running: true, pids: [41], ports: [5173, 3000], cpuPercent: 12.345, memoryBytes: 3e8, containerIds: [], ...over });
const score: ProjectScore = { path: SHOP, health: 81.6, debtRating: 'B', debtMinutes: 90.4, analyzedAt: '2025-03-02T00:00:00.000Z' };

function serverDetail(over: Partial<ProjectDetail> = {}): ProjectDetail {
  return {
    path: SHOP,
    name: 'shop',
    analyzedAt: '2025-03-02T00:00:00.000Z',
    trend: [{ at: '2025-03-02T00:00:00.000Z', health: 81.6, debtMinutes: 90, debtRating: 'B', loc: 12_000 }],
    files: [{ file: 'src/app.ts', loc: 300, complexity: 40, maxComplexity: 12, findings: 2 }],
    functions: [{ file: 'src/app.ts', name: 'main', line: 10, cyclomatic: 12, cognitive: 15, loc: 40 }],
    findings: [{ ruleId: 'complexity', category: 'quality', severity: 'warning', message: 'main is too complex', file: 'src/app.ts', line: 10, column: 1 }],
    findingCounts: { quality: 1, security: 0, performance: 0, debt: 0 },
    dependencies: [{ name: 'react', declared: '^18.2.0', locked: '18.2.0', latest: '18.3.1', dev: false, outdated: true, vulnerable: null }],
    notes: [],
    ...over,
  };
}

describe('project detail host models (what the host sends the page, and which files it opens)', () => {
  it('makes the header of a project, its runtime and its score', () => {
    assert.deepEqual(projectHeader(project(), runtime(), score), {
      path: SHOP,
      name: 'shop',
      stack: [
        { id: 'typescript', label: 'TypeScript', kind: 'language' },
        { id: 'react', label: 'React', kind: 'framework' },
      ],
      git: { branch: 'main', changed: 3, ahead: 1, behind: 0, error: null },
      run: { state: 'running', cpuPercent: 12.3, memoryBytes: 3e8, ports: [3000, 5173] },
      health: 82,
      debt: 'B',
      debtMinutes: 90,
      analyzedAt: '2025-03-02T00:00:00.000Z',
    });
    const never = projectHeader(project({ git: null }), undefined, undefined);
    assert.deepEqual([never.health, never.debt, never.debtMinutes, never.analyzedAt, never.git, never.run.state], [null, null, null, null, null, 'stopped']);
    assert.equal(isProjectMessage({ type: 'header', header: never }), true);
  });

  it('lists the projects to pick from, leaving out one whose path the page would refuse', () => {
    const long = project({ path: `/${'x'.repeat(LIMITS.path)}` });
    assert.deepEqual(projectChoices([project(), long, project({ path: '/p/blog', name: 'blog' })]), [{ path: SHOP, name: 'shop' }, { path: '/p/blog', name: 'blog' }]);
  });

  it('passes the server’s detail on as the page’s guard takes it', () => {
    const view = detailView(serverDetail());
    assert.equal(isDetailView(view), true);
    assert.deepEqual(view.trend, [{ at: '2025-03-02T00:00:00.000Z', health: 82, debtMinutes: 90, debtRating: 'B', loc: 12_000 }]);
    assert.deepEqual(view.files, [{ file: 'src/app.ts', loc: 300, complexity: 40, maxComplexity: 12, findings: 2 }]);
    assert.equal(detailView(serverDetail({ analyzedAt: null })).analyzedAt, null);
  });

  it('leaves out items with numbers that are not numbers, and cuts long texts, instead of losing the whole detail', () => {
    const view = detailView(
      serverDetail({
        trend: [
          { at: 'not a time', health: 80, debtMinutes: 1, debtRating: 'A', loc: 1 },
          { at: '2025-03-01T00:00:00.000Z', health: Number.NaN, debtMinutes: 1, debtRating: 'A', loc: 1 },
          { at: '2025-03-02T00:00:00.000Z', health: 140, debtMinutes: 1, debtRating: 'Z', loc: 1 },
          { at: '2025-03-03T00:00:00.000Z', health: 140, debtMinutes: 1, debtRating: 'A', loc: 1 },
        ],
        files: [
          { file: 'src/a.ts', loc: Number.NaN, complexity: 1, maxComplexity: 1, findings: 0 },
          { file: 'src/b.ts', loc: Number.POSITIVE_INFINITY, complexity: 1, maxComplexity: 1, findings: 0 },
          { file: 'src/c.ts', loc: -4, complexity: 1, maxComplexity: 1, findings: 0 },
          { file: `src/${'d'.repeat(DETAIL_LIMITS.path)}.ts`, loc: 1, complexity: 1, maxComplexity: 1, findings: 0 },
          { file: 'src/e.ts', loc: 10.4, complexity: 2, maxComplexity: 2, findings: 0 },
        ],
        functions: [{ file: 'src/e.ts', name: 'n'.repeat(DETAIL_LIMITS.text * 2), line: 0, cyclomatic: 2, cognitive: 2, loc: 3 }],
        findings: [
          { ruleId: 'x', category: 'style' as never, severity: 'warning', message: 'unknown category', file: 'src/e.ts', line: 1, column: 1 },
          { ruleId: 'y', category: 'quality', severity: 'error', message: 'm'.repeat(DETAIL_LIMITS.message * 2), file: 'src/e.ts', line: Number.NaN, column: 1 },
          { ruleId: 'z', category: 'quality', severity: 'info', message: 'm'.repeat(DETAIL_LIMITS.message * 2), file: '.', line: 0, column: 0 },
        ],
        findingCounts: { quality: Number.NaN, security: 2, performance: -1, debt: 1.4 },
        notes: Array.from({ length: DETAIL_LIMITS.notes + 5 }, () => 'n'.repeat(DETAIL_LIMITS.message + 5)),
      }),
    );
    assert.deepEqual(view.trend.map((p) => [p.at, p.health]), [['2025-03-03T00:00:00.000Z', 100]]);
    assert.deepEqual(view.files.map((f) => [f.file, f.loc]), [['src/e.ts', 10]]);
    assert.deepEqual([view.functions[0]?.name.length, view.functions[0]?.line], [DETAIL_LIMITS.text, 1]);
    assert.deepEqual(view.findings.map((f) => [f.ruleId, f.line, f.column, f.message.length]), [['z', 1, 1, DETAIL_LIMITS.message]]);
    assert.deepEqual(view.findingCounts, { quality: 0, security: 2, performance: 0, debt: 1 });
    assert.deepEqual([view.notes.length, view.notes[0]?.length], [DETAIL_LIMITS.notes, DETAIL_LIMITS.message]);
    assert.equal(isProjectMessage({ type: 'detail', project: SHOP, ref: 1, detail: view }), true);
  });

  it('keeps at most the bounds the page takes of each list', () => {
    const files = Array.from({ length: DETAIL_LIMITS.files + 10 }, (_, i) => ({ file: `src/f${i}.ts`, loc: 1, complexity: 1, maxComplexity: 1, findings: 0 }));
    const trend = Array.from({ length: DETAIL_LIMITS.trend + 10 }, (_, i) => ({ at: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(), health: 50, debtMinutes: 1, debtRating: 'A', loc: 1 }));
    const view = detailView(serverDetail({ files, trend }));
    assert.equal(view.files.length, DETAIL_LIMITS.files);
    assert.equal(view.trend.length, DETAIL_LIMITS.trend);
    assert.equal(view.trend.at(-1)?.at, trend.at(-1)?.at, 'the newest points are kept');
    assert.equal(isDetailView(view), true);
  });

  it('finds the file and line an item names, and nothing past the end of its list', () => {
    const view = detailView(serverDetail());
    assert.deepEqual(itemLocation(view, 'files', 0), { file: 'src/app.ts', line: 1, column: 1 });
    assert.deepEqual(itemLocation(view, 'functions', 0), { file: 'src/app.ts', line: 10, column: 1 });
    assert.deepEqual(itemLocation(view, 'findings', 0), { file: 'src/app.ts', line: 10, column: 1 });
    assert.equal(itemLocation(view, 'findings', 1), null);
  });

  describe('fileInProject (the check before a file is opened)', () => {
    it('resolves a file inside the project folder', () => {
      assert.equal(fileInProject(SHOP, 'src/app.ts', path.posix), '/home/dev/projects/shop/src/app.ts');
      assert.equal(fileInProject(`${SHOP}/`, 'src/../lib/a.ts', path.posix), '/home/dev/projects/shop/lib/a.ts', 'a `..` that stays inside is fine');
      assert.equal(fileInProject(SHOP, '..hidden/a.ts', path.posix), '/home/dev/projects/shop/..hidden/a.ts', 'a name that starts with two dots is not a climb');
    });

    it('refuses ../../etc/passwd and every other way out of the folder', () => {
      for (const file of ['../../etc/passwd', 'src/../../../etc/hosts', '..', '../shop', '/etc/passwd', '.', '', 'src/\0.ts']) {
        assert.equal(fileInProject(SHOP, file, path.posix), null, JSON.stringify(file));
      }
    });

    it('refuses a sibling folder whose name starts with the project’s', () => {
      assert.equal(fileInProject(SHOP, '../shop-old/src/app.ts', path.posix), null);
      assert.equal(fileInProject(SHOP, '../shopping/x.ts', path.posix), null);
    });

    it('refuses the same on Windows paths, drives and backslashes included', () => {
      const root = 'C:\\dev\\shop';
      assert.equal(fileInProject(root, 'src/app.ts', path.win32), 'C:\\dev\\shop\\src\\app.ts');
      for (const file of ['..\\..\\Windows\\system.ini', '..\\shop-old\\a.ts', 'C:\\Windows\\win.ini', 'D:secret.txt', '\\\\server\\share\\a.ts']) {
        assert.equal(fileInProject(root, file, path.win32), null, JSON.stringify(file));
      }
    });
  });

  describe('openDecision (what an open command from the page opens)', () => {
    const view = detailView(
      serverDetail({
        files: [
          { file: 'src/app.ts', loc: 300, complexity: 40, maxComplexity: 12, findings: 2 },
          { file: '../../etc/passwd', loc: 10, complexity: 1, maxComplexity: 1, findings: 0 },
          { file: '../shop-old/src/app.ts', loc: 10, complexity: 1, maxComplexity: 1, findings: 0 },
        ],
        findings: [
          { ruleId: 'complexity', category: 'quality', severity: 'warning', message: 'main is too complex', file: 'src/app.ts', line: 10, column: 3 },
          { ruleId: 'dependency/vulnerable', category: 'security', severity: 'error', message: 'lodash', file: '.', line: 1, column: 1 },
        ],
      }),
    );
    const sent = { ref: 7, project: SHOP, view };
    const open = (over: Partial<{ project: string; ref: number; list: 'files' | 'functions' | 'findings'; index: number }>) => openDecision(sent, SHOP, { project: SHOP, ref: 7, list: 'files', index: 0, ...over }, path.posix);

    it('opens the item the page names, at its line and column, inside the project', () => {
      assert.deepEqual(open({}), { file: `${SHOP}/src/app.ts`, line: 1, column: 1 });
      assert.deepEqual(open({ list: 'findings', index: 0 }), { file: `${SHOP}/src/app.ts`, line: 10, column: 3 });
      assert.deepEqual(open({ list: 'functions', index: 0 }), { file: `${SHOP}/src/app.ts`, line: 10, column: 1 });
    });

    it('refuses a file the server placed outside the project folder, a sibling with the project’s name as prefix, and the project itself', () => {
      assert.deepEqual(open({ index: 1 }), { refused: 'Optimus opens only files inside the project folder, and ../../etc/passwd is not one.' });
      assert.deepEqual(open({ index: 2 }), { refused: 'Optimus opens only files inside the project folder, and ../shop-old/src/app.ts is not one.' });
      assert.match((open({ list: 'findings', index: 1 }) as { refused: string }).refused, /about the project as a whole/);
    });

    it('refuses an index past the list, a stale ref, and another project than the one shown', () => {
      assert.ok('refused' in open({ index: 3 }));
      assert.ok('refused' in open({ ref: 6 }));
      assert.ok('refused' in open({ project: '/home/dev/projects/blog' }));
      assert.ok('refused' in openDecision(sent, '/home/dev/projects/blog', { project: SHOP, ref: 7, list: 'files', index: 0 }, path.posix), 'the panel switched since');
      assert.ok('refused' in openDecision(undefined, SHOP, { project: SHOP, ref: 7, list: 'files', index: 0 }, path.posix), 'nothing sent yet (a revived host)');
    });
  });

  it('passes the project’s commit activity on, days without commits left out', () => {
    const a = activityView({ from: '2024-03-03', to: '2025-03-02', days: [{ date: '2024-05-01', commits: 3 }, { date: '2024-05-02', commits: 0 }, { date: '2024-05-03', commits: Number.NaN }], byProject: [{ path: SHOP, commits: 3 }], failed: [] });
    assert.deepEqual(a, { from: '2024-03-03', to: '2025-03-02', days: [{ date: '2024-05-01', commits: 3 }] });
    assert.equal(isProjectMessage({ type: 'activity', project: SHOP, activity: a }), true);
  });

  describe('UsageHistory (the sparkline’s samples)', () => {
    it('keeps the newest samples of each running project, up to its bound', () => {
      const history = new UsageHistory(3, 500);
      for (let i = 0; i < 5; i++) history.record([runtime({ cpuPercent: i, memoryBytes: 1000 + i })], 10_000 + i * 1000);
      assert.deepEqual(history.samples(SHOP), [
        { at: 12_000, cpuPercent: 2, memoryBytes: 1002 },
        { at: 13_000, cpuPercent: 3, memoryBytes: 1003 },
        { at: 14_000, cpuPercent: 4, memoryBytes: 1004 },
      ]);
    });

    it('replaces a sample that came too soon after the one before (a model change that was not a sample)', () => {
      const history = new UsageHistory(10, 500);
      history.record([runtime({ cpuPercent: 1 })], 1000);
      history.record([runtime({ cpuPercent: 2 })], 1200);
      assert.deepEqual(history.samples(SHOP).map((s) => [s.at, s.cpuPercent]), [[1200, 2]]);
    });

    it('forgets a project that stopped, and cleans figures the page would refuse', () => {
      const history = new UsageHistory(10, 0);
      history.record([runtime({ cpuPercent: Number.NaN, memoryBytes: -1 })], 1000);
      assert.deepEqual(history.samples(SHOP), [{ at: 1000, cpuPercent: 0, memoryBytes: 0 }]);
      assert.equal(isProjectMessage({ type: 'usage', project: SHOP, samples: history.samples(SHOP) }), true);
      history.record([runtime({ running: false })], 2000);
      assert.deepEqual(history.samples(SHOP), []);
    });
  });
});
