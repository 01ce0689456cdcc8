import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { historyRow, INIT, portDiagnosis } from './harness/consoleFixtures';
import { launchChromium, WebviewPage } from './harness/consolePage';

describe('troubleshooting console by keyboard only, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'console');
  });
  after(async () => {
    assert.deepEqual(view.pageErrors, []);
    await browser?.close();
  });

  it('Tab reaches the text area first; Ctrl+Enter diagnoses; Tab reaches a fix; Enter applies it', async () => {
    const { page } = view;
    await view.send(INIT);
    const area = await view.tabUntil((f) => f?.host === 'vscode-textarea', 1);
    assert.equal(area?.tag, 'textarea', 'the first Tab stop is the error text area');

    await page.keyboard.type('Error: listen EADDRINUSE: address already in use :::3000');
    await page.keyboard.press('Control+Enter');
    assert.deepEqual(await view.waitForPosted('diagnose'), { type: 'diagnose', text: 'Error: listen EADDRINUSE: address already in use :::3000', project: null });
    assert.equal((await view.deepFocus())?.host, 'vscode-textarea', 'focus stays where the user typed');

    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis({ ref: 3 }) });
    await page.locator('[data-fix-key]').first().waitFor();
    const fix = await view.tabUntil((f) => f?.fixKey !== null && f?.fixKey !== undefined);
    assert.equal(fix?.fixKey, 'command:stop-port', 'the first fix is the first Tab stop among the fixes');
    await page.keyboard.press('Enter');
    assert.deepEqual(await view.waitForPosted('applyFix'), { type: 'applyFix', ref: 3, fixKey: 'command:stop-port' });

    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.deepEqual(await view.waitForPosted('applyFix'), { type: 'applyFix', ref: 3, fixKey: 'command:npx kill-port' });
  });

  it('Up and Down move between history rows, Enter shows one', async () => {
    const { page } = view;
    await view.send({ type: 'history', project: null, rows: [historyRow({ id: 3, excerpt: 'first row' }), historyRow({ id: 2, excerpt: 'second row', diagnosis: 'permission-denied' }), historyRow({ id: 1, excerpt: 'third row' })] });
    await page.locator('optimus-history button.row', { hasText: 'first row' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'permission-denied' }).waitFor();
    await page.locator('optimus-history button.row[aria-current="true"]', { hasText: 'second row' }).waitFor();
  });

  it('names its controls for screen readers', async () => {
    const { page } = view;
    await page.getByRole('textbox', { name: 'Error text to diagnose' }).waitFor();
    await page.getByRole('button', { name: 'From the clipboard' }).waitFor();
    await page.getByRole('status').first().waitFor({ state: 'attached' });
    await page.getByRole('list', { name: 'Diagnosed errors, newest first' }).waitFor();
  });
});
