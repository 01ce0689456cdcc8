import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { MoneyPanel as MoneyPanelClass, MoneyDeps } from '../../extension/webviews/moneyPanel';
import { isMoneyMessage } from '../../webviews/money/protocol';
import { BLOG, SHOP, serverView } from './harness/moneyFixtures';
import { FakeClient, FakeLog, FakePanel, FakeProjects, installVscodeStub, uninstallVscodeStub, vscodeCalls, type SentRequest } from './harness/moneyHost';
import { waitFor } from './harness/waitFor';

/**
 * The Money panel's host in Node, around a stand-in for VS Code (not VS Code itself): the page is the test,
 * the language client answers what the test says.
 */
describe('Money panel host with a stand-in for VS Code and the language client', () => {
  let MoneyPanel: typeof MoneyPanelClass;
  let panel: FakePanel;
  let projects: FakeProjects;
  let client: FakeClient;
  let log: FakeLog;
  let host: MoneyPanelClass | undefined;

  before(() => {
    installVscodeStub();
    // Loaded after the stand-in is installed (a static import would load the real `vscode` first, and fail).
    ({ MoneyPanel } = require('../../extension/webviews/moneyPanel') as typeof import('../../extension/webviews/moneyPanel'));
  });
  after(uninstallVscodeStub);

  beforeEach(() => {
    panel = new FakePanel();
    projects = new FakeProjects([BLOG, SHOP]);
    client = new FakeClient(async (r) => serverView({ path: String(r.params.path), name: String(r.params.path).split('/').pop() ?? '' }));
    log = new FakeLog();
    vscodeCalls.executed.length = 0;
    vscodeCalls.warnings.length = 0;
    vscodeCalls.warningAnswer = undefined;
  });
  afterEach(() => {
    host?.dispose();
    host = undefined;
  });

  const deps = (): MoneyDeps => ({ client: () => client as never, projects: projects as never, log: log as never });
  const revive = () => (host = MoneyPanel.revive(panel as unknown as vscode.WebviewPanel, deps()));
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  const views = () => panel.ofType('view').map((m) => `${String(m.project)}`);

  it('answers ready with the projects, then the first project: loading, then its view, every message one the page accepts', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: null });
    await waitFor(() => panel.ofType('view').length === 1, 'the view');
    assert.deepEqual(panel.posted.map((m) => m.type), ['projects', 'loading', 'view']);
    assert.deepEqual(panel.posted[0], { type: 'projects', projects: [{ path: BLOG, name: 'blog' }, { path: SHOP, name: 'shop' }], indexing: false });
    assert.deepEqual(client.sent, [{ method: 'optimus/money', params: { path: BLOG } }]);
    assert.ok(panel.posted.every(isMoneyMessage));
  });

  it('shows again the project the page showed, without blanking it; one it does not know is not asked for', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 1, 'the view');
    assert.deepEqual(panel.posted.map((m) => m.type), ['projects', 'view'], 'no loading message: the page shows its saved figures meanwhile');
    assert.deepEqual(views(), [SHOP]);

    panel.fromPage({ type: 'pickProject', project: '/etc' });
    await waitFor(() => panel.ofType('viewFailed').length === 1, 'the refusal');
    assert.match(String(panel.ofType('viewFailed')[0]?.message), /\/etc is not a project Optimus knows/);
    assert.equal(client.sent.filter((r) => r.params.path === '/etc').length, 0, 'the server is never asked about it');
  });

  it('opens on the project a command names, and switches the open dashboard to another', async () => {
    const context = { extensionUri: 'ext' } as unknown as vscode.ExtensionContext;
    host = MoneyPanel.show(context, deps(), SHOP);
    const created = vscodeCalls.panels.at(-1) as FakePanel;
    created.fromPage({ type: 'ready', project: null });
    await waitFor(() => created.ofType('view').length === 1, 'the view');
    assert.equal(created.ofType('view')[0]?.project, SHOP);

    assert.equal(MoneyPanel.show(context, deps(), BLOG), host, 'the open dashboard is reused');
    await waitFor(() => created.ofType('view').length === 2, 'the second view');
    assert.deepEqual(created.ofType('loading').map((m) => m.project), [SHOP, BLOG]);
    assert.equal(created.ofType('view')[1]?.project, BLOG);
  });

  it('sets the rate through optimus/moneyChange and sends the view the server answers', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 1, 'the view');
    client.answer = async (r) => serverView({ hourlyRate: r.method === 'optimus/moneyChange' ? 80 : 50, figures: { ...serverView().figures, labour: 3400 } });
    panel.fromPage({ type: 'setRate', project: SHOP, rate: 80 });
    await waitFor(() => views().length === 2, 'the view after the change');
    assert.deepEqual(client.sent.at(-1), { method: 'optimus/moneyChange', params: { path: SHOP, change: { kind: 'rate', rate: 80 } } });
    const last = panel.ofType('view').at(-1) as { view: { hourlyRate: number; figures: { labour: number } } };
    assert.deepEqual([last.view.hourlyRate, last.view.figures.labour], [80, 3400]);
  });

  it('tells the page in plain words when the server refuses a change (an untrusted workspace)', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 1, 'the view');
    const refusal = 'Optimus does not change anything (roi.rate) in an untrusted workspace. Trust the workspace to allow it.';
    client.answer = async () => {
      throw new Error(refusal);
    };
    panel.fromPage({ type: 'setRate', project: SHOP, rate: 80 });
    await waitFor(() => panel.ofType('failed').length === 1, 'the refusal');
    assert.deepEqual(panel.ofType('failed')[0], { type: 'failed', message: `The hourly rate was not saved: ${refusal}` });
    assert.ok(log.lines.some((l) => l.startsWith('error: Money dashboard: setRate failed')));
  });

  it('changes nothing for a project it does not know', async () => {
    revive();
    panel.fromPage({ type: 'addEntry', project: '/etc', direction: 'cost', item: { name: 'x', amount: 1, kind: 'monthly', since: '2024-01-01' } });
    await waitFor(() => panel.ofType('failed').length === 1, 'the refusal');
    assert.match(String(panel.ofType('failed')[0]?.message), /^"x" was not added: \/etc is not a project Optimus knows/);
    assert.deepEqual(client.sent, []);
  });

  it('removes an entry only when the user confirms, and otherwise sends the same view back', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 1, 'the view');
    panel.fromPage({ type: 'removeEntry', project: SHOP, id: 1 });
    await waitFor(() => views().length === 2, 'the view sent again');
    assert.deepEqual(vscodeCalls.warnings, ['Remove the cost "Hosting"? The ROI figures will no longer count it.']);
    assert.equal(client.sent.filter((r) => r.method === 'optimus/moneyChange').length, 0, 'nothing removed');

    vscodeCalls.warningAnswer = 'Remove';
    panel.fromPage({ type: 'removeEntry', project: SHOP, id: 1 });
    await waitFor(() => views().length === 3, 'the view after removing');
    assert.deepEqual(client.sent.at(-1), { method: 'optimus/moneyChange', params: { path: SHOP, change: { kind: 'remove', id: 1 } } });
  });

  it('sends only the answer for the project shown last when the user switches quickly', async () => {
    revive();
    const waiting: Array<{ request: SentRequest; release: () => void }> = [];
    client.answer = (request) => new Promise((resolve) => waiting.push({ request, release: () => resolve(serverView({ path: String(request.params.path) })) }));
    panel.fromPage({ type: 'ready', project: null });
    panel.fromPage({ type: 'pickProject', project: SHOP });
    await waitFor(() => waiting.length === 2, 'both requests');
    waiting[1]?.release();
    waiting[0]?.release(); // the blog's answer comes last, after the user left it
    await settled();
    await settled();
    assert.deepEqual(views(), [SHOP]);
  });

  it('refreshes once per burst of project changes: the list, and the shown project when it was read again', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 1, 'the view');
    const requests = client.sent.length;
    projects.set([BLOG, SHOP]);
    projects.set([BLOG, SHOP, '/p/api']);
    projects.set([BLOG, SHOP, '/p/api']);
    await waitFor(() => views().length === 2, 'the refreshed view', 3000);
    assert.equal(panel.ofType('projects').length, 2, 'one new list for the burst');
    assert.equal(client.sent.length, requests + 1, 'one read of the shown project');
    assert.equal(panel.ofType('loading').length, 0, 'the figures stay on screen while read again');

    projects.set([BLOG]); // the shown project is gone: the dashboard moves to one that is there
    await waitFor(() => views().length === 3, 'another project', 3000);
    assert.deepEqual(panel.ofType('loading').map((m) => m.project), [BLOG]);
  });

  it('sends nothing to a hidden page, and everything again when it says ready', async () => {
    revive();
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 1, 'the view');
    panel.hide();
    const before = panel.posted.length;
    projects.set([BLOG, SHOP, '/p/api']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(panel.posted.length, before);
    panel.visible = true;
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => views().length === 2, 'the view again');
    assert.equal((panel.ofType('projects').at(-1)?.projects as unknown[]).length, 3);
  });

  it('opens the market setting in VS Code’s settings', async () => {
    revive();
    panel.fromPage({ type: 'openMarketSetting' });
    await waitFor(() => vscodeCalls.executed.length === 1, 'the command');
    assert.deepEqual(vscodeCalls.executed[0], ['workbench.action.openSettings', 'optimus.advisor.marketSignals']);
  });

  it('says the view could not be shown when the server’s answer holds a number the page would refuse', async () => {
    revive();
    client.answer = async () => serverView({ path: SHOP, figures: { ...serverView().figures, labour: Number.NaN } });
    panel.fromPage({ type: 'ready', project: SHOP });
    await waitFor(() => panel.ofType('viewFailed').length === 1, 'the failure');
    assert.equal(views().length, 0);
    assert.match(String(panel.ofType('viewFailed')[0]?.message), /could not show its answer \(view\)/);
    assert.ok(log.lines.some((l) => l.includes('not sending a "view" message the page would refuse')));
  });
});
