import assert from 'node:assert/strict';
import { ERROR_TEXT, historyRow, INIT, portDiagnosis } from './harness/consoleFixtures';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerSuite } from './harness/useWebviewPage';

describe('troubleshooting console across hide and show, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;

  usePagePerSuite('console', (v) => (view = v));

  it('comes back from getState as it was left: text, diagnosis, project, history and verdicts', async () => {
    const { page } = view;
    await view.send(INIT);
    await page.locator('vscode-textarea textarea').fill(ERROR_TEXT);
    await page.locator('optimus-project-picker vscode-single-select').click();
    await page.locator('optimus-project-picker vscode-single-select li', { hasText: 'shop' }).click();
    await view.waitForPosted('pickProject');
    await view.send({ type: 'history', project: '/home/dev/projects/shop', rows: [historyRow()] });
    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis() });
    await view.send({ type: 'feedbackRecorded', historyId: 41, helpful: true, correctId: null });
    await page.getByText('Noted: right.').waitFor();

    // VS Code destroys a hidden webview and loads it afresh when shown again.
    await view.reload();
    assert.deepEqual(await view.waitForPosted('ready'), { type: 'ready', project: '/home/dev/projects/shop' }, 'the host is told which history to send');
    assert.equal(await page.locator('vscode-textarea textarea').inputValue(), ERROR_TEXT);
    await page.getByRole('heading', { name: 'Port already in use' }).waitFor();
    await page.getByText('Noted: right.').waitFor();
    await page.getByText('Errors diagnosed here are filed under shop.').waitFor();
    await page.locator('optimus-history button.row', { hasText: 'EADDRINUSE' }).waitFor();
  });
});
