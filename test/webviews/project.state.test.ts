import assert from 'node:assert/strict';
import type { ProjectMessage } from '../../webviews/project/protocol';
import type { WebviewPage } from './harness/consolePage';
import { detail, header, SHOP, shopMessages } from './harness/projectFixtures';
import { savedStateHolds, sendAll, setSavedStateScript } from './harness/projectPage';
import { usePagePerSuite } from './harness/useWebviewPage';

describe('project detail across a destroyed and recreated page, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerSuite('project', (v) => (view = v));

  it('comes back showing the project, its analysis and the chosen filter, and names its project in ready', async () => {
    const { page } = view;
    await sendAll(view, shopMessages(detail(), 8));
    await page.getByRole('button', { name: 'Outdated (2)' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await view.waitForPosted('start');
    // The save waits for idle time after the frame (at most 200 ms): wait until it is in VS Code's keeping.
    await page.waitForFunction(savedStateHolds, '"depFilter":"outdated"');

    await view.reload();
    assert.deepEqual(await view.posted(), [{ type: 'ready', project: SHOP }], 'a revived host learns the project from the page');
    await page.getByRole('heading', { name: 'shop', level: 1 }).waitFor();
    assert.ok((await page.locator('optimus-hotspot-treemap rect.tile').count()) > 0, 'the treemap is back before the host answers');
    assert.equal(await page.getByRole('button', { name: 'Outdated (2)' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Start' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start' }).getAttribute('disabled'), null, 'a start asked by the page before is not shown as pending by this one');
  });

  it('opens a file of the restored detail under the ref it came with, and takes the host’s new one when it comes', async () => {
    const { page } = view;
    await view.clearPosted();
    await page.locator('optimus-functions-table button', { hasText: 'computeTotal' }).click();
    assert.deepEqual(await view.waitForPosted('open'), { type: 'open', project: SHOP, ref: 8, list: 'functions', index: 0 });
    await sendAll(view, [{ type: 'header', header: header() }, { type: 'detail', project: SHOP, ref: 12, detail: detail() }] satisfies ProjectMessage[]);
    await view.clearPosted();
    await page.locator('optimus-functions-table button', { hasText: 'computeTotal' }).click();
    assert.deepEqual(await view.waitForPosted('open'), { type: 'open', project: SHOP, ref: 12, list: 'functions', index: 0 });
  });

  it('starts empty when the saved state has a shape it does not know', async () => {
    const { page } = view;
    // The page's own save waits for idle time: once that has passed, nothing overwrites what is set here.
    await page.evaluate('new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }))');
    await page.evaluate(setSavedStateScript({ project: 42, detail: 'x' }));
    const logged = view.consoleLines.length;
    await view.reload();
    assert.deepEqual(await view.posted(), [{ type: 'ready', project: null }]);
    await page.getByRole('status').filter({ hasText: 'Opening the project…' }).waitFor();
    assert.ok(view.consoleLines.slice(logged).some((l) => l.includes('ignored saved state of an unknown shape')));
  });
});
