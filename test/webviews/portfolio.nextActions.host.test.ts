import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Recommendation } from '../../language-server/advisor/recommend/recommendation';
import type { PortfolioDeps, PortfolioPanel as PortfolioPanelClass } from '../../extension/webviews/portfolioPanel';
import { isPortfolioMessage } from '../../webviews/portfolio/protocol';
import { FakeClient, FakeLog, FakePanel, uninstallVscodeStub, vscodeCalls } from './harness/moneyHost';
import { HOSTILE, recommendation } from './harness/nextActionsFixtures';
import { adviceClient, adviseRequests, FakeProjectList, FakeRuntime, FakeScores, installHostStub } from './harness/projectHost';
import { waitFor } from './harness/waitFor';

const PATHS = Array.from({ length: 12 }, (_, i) => `/home/dev/projects/p${String(i).padStart(2, '0')}`);
/** The host's update cadence for model changes (UPDATE_MS), plus room. */
const UPDATED_MS = 300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The portfolio's ranked list: a backup for each of the 12 projects, then an analysis of the first. */
function portfolioAdvice(): Recommendation[] {
  return [
    ...PATHS.map((p) => recommendation({ projectPath: p, kind: 'no-backup', title: `Back up ${p.split('/').pop()}` })),
    recommendation({ projectPath: PATHS[0], kind: 'security', action: { kind: 'analyze', path: PATHS[0] ?? '' } }),
  ];
}

/**
 * The Portfolio host's next actions in Node, around a stand-in for VS Code (not VS Code itself): the page is
 * the test, the language client answers what the test says.
 */
describe('portfolio host next actions, with a stand-in for VS Code and the language client', () => {
  let PortfolioPanel: typeof PortfolioPanelClass;
  let panel: FakePanel;
  let projects: FakeProjectList;
  let scores: FakeScores;
  let runtime: FakeRuntime;
  let client: FakeClient;
  let host: PortfolioPanelClass | undefined;

  before(() => {
    installHostStub();
    ({ PortfolioPanel } = require('../../extension/webviews/portfolioPanel') as typeof import('../../extension/webviews/portfolioPanel'));
  });
  after(uninstallVscodeStub);

  beforeEach(() => {
    panel = new FakePanel();
    projects = new FakeProjectList(PATHS);
    scores = new FakeScores();
    runtime = new FakeRuntime();
    client = adviceClient(portfolioAdvice);
    vscodeCalls.executed.length = 0;
  });
  afterEach(() => {
    host?.dispose();
    host = undefined;
  });

  const deps = (): PortfolioDeps => ({ client: () => client as never, projects: projects as never, scores: scores as never, runtime: runtime as never, log: new FakeLog() as never });
  const open = async () => {
    host = PortfolioPanel.revive(panel as unknown as vscode.WebviewPanel, deps());
    panel.fromPage({ type: 'ready' });
    await waitFor(() => panel.ofType('nextActions').length === 1, 'the next actions');
  };
  const ids = (m: Record<string, unknown> | undefined) => (m?.actions as Array<{ id: string }>).map((a) => a.id);

  it('asks the server for the portfolio’s advice when shown, and sends the top 8', async () => {
    await open();
    assert.deepEqual(adviseRequests(client), [{ method: 'optimus/advise', params: {} }]);
    assert.deepEqual(ids(panel.ofType('nextActions')[0]), PATHS.slice(0, 8).map((p) => `no-backup:${p}`));
    assert.ok(panel.posted.every(isPortfolioMessage));
  });

  it('runs an action it sent as the Next actions view does; refuses one it did not send, in plain words', async () => {
    await open();
    panel.fromPage({ type: 'nextAction', id: `no-backup:${PATHS[2]}` });
    await waitFor(() => panel.ofType('nextActions').length === 2, 'the advice read again');
    assert.deepEqual(vscodeCalls.executed, [['optimus.backup', PATHS[2]]]);
    assert.deepEqual(panel.ofType('nextActionDone'), [{ type: 'nextActionDone', id: `no-backup:${PATHS[2]}` }]);

    for (const id of [`no-backup:${PATHS[9]}`, `security:${PATHS[0]}`, HOSTILE]) panel.fromPage({ type: 'nextAction', id });
    await waitFor(() => panel.ofType('failed').length === 3, 'three refusals');
    assert.equal(vscodeCalls.executed.length, 1, 'the ninth and later were never sent, so they do not run');
    assert.ok(panel.ofType('failed').every((m) => m.message === 'That next action is no longer in the list: try again on the one shown now.'));
  });

  it('opens an item’s project through Project detail, and says so when it does not know the project', async () => {
    await open();
    panel.fromPage({ type: 'openProject', path: PATHS[3] });
    await waitFor(() => vscodeCalls.executed.length === 1, 'the Project detail');
    assert.deepEqual(vscodeCalls.executed, [['optimus.showProjectDetail', PATHS[3]]]);
    panel.fromPage({ type: 'openProject', path: '/etc' });
    await waitFor(() => panel.ofType('failed').length === 1, 'the refusal');
    assert.equal(vscodeCalls.executed.length, 1);
  });

  it('reads the advice again with the update cadence when projects, scores or run states change; not for CPU samples, not while hidden', async () => {
    await open();
    projects.touch(PATHS[1] ?? '', { git: null });
    scores.analyzed(PATHS[2] ?? '', '2025-03-03T00:00:00.000Z');
    await pause(UPDATED_MS);
    assert.equal(adviseRequests(client).length, 2, 'one read for the two changes');

    runtime.sample(PATHS[4] ?? '', 10);
    await pause(UPDATED_MS);
    assert.equal(adviseRequests(client).length, 3, 'a project that starts running may change the advice');
    for (let i = 0; i < 5; i++) {
      runtime.sample(PATHS[4] ?? '', 20 + i);
      await pause(UPDATED_MS / 2);
    }
    await pause(UPDATED_MS);
    assert.equal(adviseRequests(client).length, 3, 'a CPU sample changes no advice');

    panel.hide();
    projects.touch(PATHS[1] ?? '', { name: 'renamed' });
    await pause(UPDATED_MS);
    assert.equal(adviseRequests(client).length, 3, 'nothing is read for a hidden page; the next `ready` reads it');
    assert.ok(panel.posted.every(isPortfolioMessage));
  });

  it('sends the server’s message when it cannot work the advice out', async () => {
    client = adviceClient(() => {
      throw new Error('The advisor could not read the store.');
    });
    host = PortfolioPanel.revive(panel as unknown as vscode.WebviewPanel, deps());
    panel.fromPage({ type: 'ready' });
    await waitFor(() => panel.ofType('nextActionsFailed').length === 1, 'the failure');
    assert.deepEqual(panel.ofType('nextActionsFailed')[0], { type: 'nextActionsFailed', message: 'The advisor could not read the store.' });
  });
});
