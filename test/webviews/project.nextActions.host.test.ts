import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Recommendation } from '../../language-server/advisor/recommend/recommendation';
import type { ProjectDeps, ProjectPanel as ProjectPanelClass } from '../../extension/webviews/projectPanel';
import { isProjectMessage } from '../../webviews/project/protocol';
import { FakeClient, FakeLog, FakePanel, uninstallVscodeStub, vscodeCalls } from './harness/moneyHost';
import { BLOG, HOSTILE, recommendation, SHOP } from './harness/nextActionsFixtures';
import { adviceClient, adviseRequests, FakeProjectList, FakeRuntime, FakeScores, installHostStub } from './harness/projectHost';
import { waitFor } from './harness/waitFor';

/** The host waits this long after a change before reading the advice again (ADVICE_SETTLE_MS), plus room. */
const SETTLED_MS = 2_400;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shopAdvice(path: string | undefined): Recommendation[] {
  if (path === BLOG) return [recommendation({ projectPath: BLOG, kind: 'no-backup', title: 'Back up blog' })];
  return [
    recommendation({ kind: 'work-at-risk', title: 'Commit or back up the uncommitted work in shop', impact: 'high' }),
    recommendation({ kind: 'security', title: 'Fix 2 security findings in shop', impact: 'high', effort: 'hours', action: { kind: 'analyze', path: SHOP } }),
    recommendation({ kind: 'stale', title: 'Decide about shop', action: undefined }),
  ];
}

/**
 * The Project detail host's next actions in Node, around a stand-in for VS Code (not VS Code itself): the page
 * is the test, the language client answers what the test says.
 */
describe('project detail host next actions, with a stand-in for VS Code and the language client', () => {
  let ProjectPanel: typeof ProjectPanelClass;
  let panel: FakePanel;
  let projects: FakeProjectList;
  let scores: FakeScores;
  let runtime: FakeRuntime;
  let client: FakeClient;
  let log: FakeLog;
  let host: ProjectPanelClass | undefined;

  before(() => {
    installHostStub();
    // Loaded after the stand-in is installed (a static import would load the real `vscode` first, and fail).
    ({ ProjectPanel } = require('../../extension/webviews/projectPanel') as typeof import('../../extension/webviews/projectPanel'));
  });
  after(uninstallVscodeStub);

  beforeEach(() => {
    panel = new FakePanel();
    projects = new FakeProjectList([SHOP, BLOG]);
    scores = new FakeScores();
    runtime = new FakeRuntime();
    client = adviceClient(shopAdvice);
    log = new FakeLog();
    vscodeCalls.executed.length = 0;
  });
  afterEach(() => {
    host?.dispose();
    host = undefined;
  });

  const deps = (): ProjectDeps => ({ client: () => client as never, projects: projects as never, scores: scores as never, runtime: runtime as never, log: log as never });
  const open = async (project = SHOP) => {
    host = ProjectPanel.revive(panel as unknown as vscode.WebviewPanel, deps());
    panel.fromPage({ type: 'ready', project });
    await waitFor(() => panel.ofType('nextActions').length === 1, 'the next actions');
  };
  const refusals = () => panel.ofType('failed').map((m) => String(m.message));

  it('asks the server for the project’s advice when shown, and sends the page what it accepts', async () => {
    await open();
    assert.deepEqual(adviseRequests(client), [{ method: 'optimus/advise', params: { path: SHOP } }]);
    const [sent] = panel.ofType('nextActions');
    assert.equal(sent?.project, SHOP);
    assert.deepEqual((sent?.actions as Array<{ id: string; action: string | null }>).map((a) => [a.id, a.action]), [
      [`work-at-risk:${SHOP}`, 'backup'],
      [`security:${SHOP}`, 'analyze'],
      [`stale:${SHOP}`, null],
    ]);
    assert.ok(panel.posted.every(isProjectMessage));
  });

  it('runs an action it sent through the command the Next actions view runs, then reads the advice again', async () => {
    await open();
    panel.fromPage({ type: 'nextAction', project: SHOP, id: `security:${SHOP}` });
    await waitFor(() => panel.ofType('nextActions').length === 2, 'the advice read again');
    assert.deepEqual(vscodeCalls.executed, [['optimus.analyzeProject', SHOP]]);
    assert.deepEqual(panel.ofType('nextActionDone'), [{ type: 'nextActionDone', project: SHOP, id: `security:${SHOP}` }]);
    panel.fromPage({ type: 'nextAction', project: SHOP, id: `work-at-risk:${SHOP}` });
    await waitFor(() => vscodeCalls.executed.length === 2, 'the backup');
    assert.deepEqual(vscodeCalls.executed[1], ['optimus.backup', SHOP]);
  });

  it('runs nothing for an id it did not send, one without an action, or one of another project', async () => {
    await open();
    for (const id of [`no-backup:${SHOP}`, `${HOSTILE}`, `stale:${SHOP}`]) panel.fromPage({ type: 'nextAction', project: SHOP, id });
    panel.fromPage({ type: 'nextAction', project: BLOG, id: `work-at-risk:${SHOP}` });
    await waitFor(() => refusals().length === 4, 'four refusals');
    assert.deepEqual(vscodeCalls.executed, []);
    assert.deepEqual(refusals(), [
      'That next action is no longer in the list: try again on the one shown now.',
      'That next action is no longer in the list: try again on the one shown now.',
      'Optimus has no one-click action for "Decide about shop".',
      'Optimus did not run that: the panel shows another project now.',
    ]);
    assert.equal(log.lines.filter((l) => l.startsWith('warn: Project detail: refused a next action')).length, 4);
    assert.equal(log.lines.some((l) => l.includes('<img')), false, 'the page’s id is not written to the log');
  });

  it('forgets what it sent for a project once it shows another', async () => {
    await open();
    panel.fromPage({ type: 'pickProject', project: BLOG });
    await waitFor(() => panel.ofType('nextActions').length === 2, 'blog’s next actions');
    assert.equal(panel.ofType('nextActions')[1]?.project, BLOG);
    panel.fromPage({ type: 'nextAction', project: BLOG, id: `work-at-risk:${SHOP}` });
    await waitFor(() => refusals().length === 1, 'the refusal');
    panel.fromPage({ type: 'nextAction', project: BLOG, id: `no-backup:${BLOG}` });
    await waitFor(() => vscodeCalls.executed.length === 1, 'blog’s backup');
    assert.deepEqual(vscodeCalls.executed, [['optimus.backup', BLOG]]);
  });

  it('sends the server’s message when it cannot work the advice out', async () => {
    client = adviceClient(() => {
      throw new Error('Unknown project: /home/dev/projects/shop');
    });
    host = ProjectPanel.revive(panel as unknown as vscode.WebviewPanel, deps());
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => panel.ofType('nextActionsFailed').length === 1, 'the failure');
    assert.deepEqual(panel.ofType('nextActionsFailed')[0], { type: 'nextActionsFailed', project: SHOP, message: 'Unknown project: /home/dev/projects/shop' });
    panel.fromPage({ type: 'nextAction', project: SHOP, id: `work-at-risk:${SHOP}` });
    await waitFor(() => refusals().length === 1, 'the refusal');
    assert.deepEqual(vscodeCalls.executed, [], 'nothing was sent, so nothing runs');
  });

  it('reads the advice again once after the project, its scores or its run state change; not for CPU samples, not while hidden', async () => {
    runtime.sample(SHOP, 5);
    await open();
    projects.touch(SHOP, { git: null });
    for (let i = 0; i < 5; i++) runtime.sample(SHOP, 10 + i);
    scores.analyzed(SHOP, '2025-03-03T00:00:00.000Z');
    await pause(SETTLED_MS);
    assert.equal(adviseRequests(client).length, 2, 'one read for the burst of changes');

    for (let i = 0; i < 5; i++) runtime.sample(SHOP, 30 + i);
    runtime.sample(BLOG, 50);
    await pause(SETTLED_MS);
    assert.equal(adviseRequests(client).length, 2, 'a CPU sample changes no advice');

    runtime.set([{ path: SHOP, running: false, pids: [], ports: [], cpuPercent: 0, memoryBytes: 0, containerIds: [], crashed: { exitCode: 1, signal: null, at: '2025-03-03T10:00:00.000Z', command: 'npm start' } }]);
    await pause(SETTLED_MS);
    assert.equal(adviseRequests(client).length, 3, 'a crash is advice');

    panel.hide();
    projects.touch(SHOP, { name: 'shop2' });
    await pause(SETTLED_MS);
    assert.equal(adviseRequests(client).length, 3, 'nothing is read for a hidden page; the next `ready` reads it');
    assert.ok(panel.posted.every(isProjectMessage));
  });
});
