import assert from 'node:assert/strict';
import { ERROR_TEXT, HOSTILE, historyRow, hostileDiagnosis, INIT, portDiagnosis } from './harness/consoleFixtures';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerTest } from './harness/useWebviewPage';

describe('troubleshooting console in Chromium, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('console', (v) => (view = v));

  it('shows the empty state and asks the host for its data once loaded', async () => {
    const { page } = view;
    assert.deepEqual(await view.posted(), [{ type: 'ready', project: null }]);
    await page.getByRole('heading', { name: 'No error diagnosed yet' }).waitFor();
    await page.getByText('No errors diagnosed yet.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Diagnose', exact: true }).getAttribute('aria-disabled'), null);
    assert.equal(await page.getByRole('button', { name: 'Diagnose', exact: true }).getAttribute('disabled'), '', 'Diagnose waits for some text');
  });

  it('posts the pasted error, then renders the diagnosis the host sends', async () => {
    const { page } = view;
    await view.send(INIT);
    await page.locator('vscode-textarea textarea').fill(ERROR_TEXT);
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    assert.deepEqual(await view.waitForPosted('diagnose'), { type: 'diagnose', text: ERROR_TEXT, project: null });
    await page.getByRole('alert', { name: 'Diagnosing' }).waitFor();

    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis() });
    await view.send({ type: 'history', project: null, rows: [historyRow()] });
    await page.getByRole('heading', { name: 'Port already in use' }).waitFor();
    await page.getByText('It is held by node (pid 4121, project shop).').waitFor();
    await page.getByText('93% sure', { exact: true }).waitFor();
    await page.getByText('A server tried to listen on a port another process holds.').waitFor();
    assert.equal(await page.locator('optimus-diagnosis code', { hasText: 'kill 4121' }).count(), 1, 'backtick spans become code');
    await page.getByRole('button', { name: 'Open /home/dev/projects/shop/src/server.js at line 12' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Open /home/dev/projects/shop/src/server.js at line 12' }).innerText(), 'src/server.js:12:7');
    await page.getByText('npx kill-port 3000').waitFor();
    assert.equal(await page.locator('[data-fix-key]').count(), 3);
    await page.locator('optimus-history button.row', { hasText: 'EADDRINUSE' }).waitFor();
    assert.equal(await page.getByRole('alert', { name: 'Diagnosing' }).count(), 0, 'the spinner goes once the answer is in');
  });

  it('shows strings with markup as text, never as HTML', async () => {
    const { page } = view;
    await view.send({ type: 'diagnosis', diagnosis: hostileDiagnosis() });
    await page.getByRole('heading', { name: `Title ${HOSTILE}` }).waitFor();
    for (const text of [`Summary ${HOSTILE}`, `Explanation ${HOSTILE}`, `Fix ${HOSTILE}`, `Guide ${HOSTILE}`]) await page.getByText(text).first().waitFor();
    await page.getByText('Second paragraph <script>window.__pwned=2</script> and').waitFor();
    assert.equal(await page.locator('img').count(), 0, 'no element was made from the strings');
    assert.equal(await page.locator('optimus-diagnosis script').count(), 0);
    assert.equal(await view.pwned(), false);
  });

  it('asks the host to apply a fix by its diagnosis and key, to open a frame, and records a verdict', async () => {
    const { page } = view;
    await view.send(INIT);
    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis({ ref: 7 }) });
    await page.locator('[data-fix-key="command:npx kill-port"]').click();
    assert.deepEqual(await view.waitForPosted('applyFix'), { type: 'applyFix', ref: 7, fixKey: 'command:npx kill-port' });

    await page.getByRole('button', { name: 'Open /home/dev/projects/shop/src/index.js at line 3' }).click();
    assert.deepEqual(await view.waitForPosted('openFrame'), { type: 'openFrame', ref: 7, frame: 1 });

    await page.getByRole('button', { name: 'No, the diagnosis was wrong' }).click();
    assert.deepEqual(await view.waitForPosted('feedback'), { type: 'feedback', historyId: 41, helpful: false, correctId: null });
    await view.send({ type: 'feedbackRecorded', historyId: 41, helpful: false, correctId: null });
    await page.getByText('Noted: wrong.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'No, the diagnosis was wrong' }).getAttribute('aria-pressed'), 'true');

    await view.clearPosted();
    await page.locator('optimus-feedback vscode-single-select').click();
    const choices = await page.locator('optimus-feedback vscode-single-select li').allInnerTexts();
    assert.deepEqual(choices.slice(0, 3), ['It was…', 'connection-refused', 'node-module-not-found'], 'the alternatives first, then the taxonomy, without the diagnosis itself');
    await page.locator('optimus-feedback vscode-single-select li', { hasText: 'connection-refused' }).click();
    assert.deepEqual(await view.waitForPosted('feedback'), { type: 'feedback', historyId: 41, helpful: false, correctId: 'connection-refused' });
  });

  it('asks for the clipboard through the host and fills the text area with its answer', async () => {
    const { page } = view;
    await page.getByRole('button', { name: 'From the clipboard' }).click();
    await view.waitForPosted('readClipboard');
    await view.send({ type: 'clipboard', text: ERROR_TEXT });
    await view.waitForValue('vscode-textarea textarea', ERROR_TEXT);
  });

  it('lists the projects the host sends, asks for the history of the one picked, and shows a picked row', async () => {
    const { page } = view;
    await view.send(INIT);
    await view.send({ type: 'history', project: null, rows: [historyRow({ id: 5, diagnosis: 'permission-denied', excerpt: 'EACCES: permission denied', outcomes: [{ fix: 'guide:chmod', outcome: 'ok', exitCode: 0 }] }), historyRow({ id: 4 })] });
    await page.locator('optimus-project-picker vscode-single-select').click();
    await page.locator('optimus-project-picker vscode-single-select li', { hasText: 'blog' }).click();
    assert.deepEqual(await view.waitForPosted('pickProject'), { type: 'pickProject', project: '/home/dev/projects/blog' });
    await page.getByText('No errors diagnosed in this project yet.').waitFor();

    await view.send({ type: 'history', project: '/home/dev/projects/blog', rows: [historyRow({ id: 9, projectPath: '/home/dev/projects/blog', diagnosis: 'permission-denied', excerpt: 'EACCES: permission denied', outcomes: [{ fix: 'guide:chmod', outcome: 'ok', exitCode: 0 }] })] });
    await page.locator('optimus-history button.row', { hasText: 'EACCES' }).click();
    await page.getByRole('heading', { name: 'permission-denied' }).waitFor();
    await page.getByText('No fix was applied.').or(page.getByText('Fixes applied')).waitFor();
    assert.equal(await page.locator('optimus-history button.row[aria-current="true"]').count(), 1);

    await view.send({ type: 'projects', projects: [...(INIT.type === 'init' ? INIT.projects : []), { path: '/home/dev/projects/api', name: 'api' }] });
    await page.locator('optimus-project-picker vscode-option', { hasText: 'api' }).waitFor({ state: 'attached' });
  });
});
