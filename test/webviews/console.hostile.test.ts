import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { historyRow, INIT, portDiagnosis } from './harness/consoleFixtures';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { waitFor } from './harness/waitFor';

const HUGE = 'x'.repeat(2_000_000);

/** Messages a broken or hostile host could send; the page must act on none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['a string', 'diagnosis'],
  ['null', null],
  ['an array', [{ type: 'diagnosis' }]],
  ['an unknown type', { type: 'runShell', command: 'rm -rf ~' }],
  ['no type', { diagnosis: portDiagnosis() }],
  ['a diagnosis without its fields', { type: 'diagnosis', diagnosis: { ref: 9, title: 'Half a diagnosis' } }],
  ['a diagnosis with a huge title', { type: 'diagnosis', diagnosis: portDiagnosis({ title: HUGE }) }],
  ['a diagnosis with a fix of an unknown kind', { type: 'diagnosis', diagnosis: portDiagnosis({ fixes: [{ key: 'k', title: 'Run', kind: 'shell', command: 'x', guide: null } as never] }) }],
  ['a diagnosis whose confidence is not a fraction', { type: 'diagnosis', diagnosis: portDiagnosis({ confidence: 93 }) }],
  ['huge clipboard text', { type: 'clipboard', text: `${HUGE}${HUGE}` }],
  ['history with a row of the wrong shape', { type: 'history', project: null, rows: [historyRow(), { id: 'two' }] }],
  ['history with too many rows', { type: 'history', project: null, rows: Array.from({ length: 500 }, (_, i) => historyRow({ id: i + 1 })) }],
  ['projects that are not a list', { type: 'projects', projects: { path: '/x', name: 'x' } }],
  ['a verdict for no row', { type: 'feedbackRecorded', historyId: -1, helpful: true, correctId: null }],
  ['a failure with a huge message', { type: 'failed', message: HUGE }],
];

describe('troubleshooting console against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'console');
  });
  after(async () => {
    await browser?.close();
  });

  it('drops each with a log line, keeps what it showed, and still works after', async () => {
    const { page } = view;
    await view.send(INIT);
    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis() });
    await page.getByRole('heading', { name: 'Port already in use' }).waitFor();
    const logged = view.consoleLines.length;

    for (const [, message] of HOSTILE_MESSAGES) await view.send(message);
    const dropped = () => view.consoleLines.slice(logged).filter((l) => l.includes('dropped a host message outside the protocol'));
    await waitFor(() => dropped().length >= HOSTILE_MESSAGES.length, `a log line for each of the ${HOSTILE_MESSAGES.length} dropped messages`);
    // A valid message sent last is handled after every hostile one before it: nothing was acted on meanwhile.
    await view.send({ type: 'projects', projects: [{ path: '/p/marker', name: 'marker' }] });
    await page.locator('optimus-project-picker vscode-option', { hasText: 'marker' }).waitFor({ state: 'attached' });
    assert.equal(dropped().length, HOSTILE_MESSAGES.length);
    assert.ok(dropped().every((l) => l.length < 200), 'the log line names the message, it does not copy it');

    assert.deepEqual(view.pageErrors, []);
    await page.getByRole('heading', { name: 'Port already in use' }).waitFor();
    assert.equal(await page.getByText('Half a diagnosis').count(), 0);
    assert.equal(await page.locator('vscode-textarea textarea').inputValue(), '');

    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis({ ref: 2, title: 'Still listening' }) });
    await page.getByRole('heading', { name: 'Still listening' }).waitFor();
  });

  it('ignores saved state of an unknown shape and starts empty', async () => {
    const { page } = view;
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('optimus-webview-state', JSON.stringify({ text: 42, diagnosis: 'nope' })));
    await view.reload();
    await page.getByRole('heading', { name: 'No error diagnosed yet' }).waitFor();
    assert.ok(view.consoleLines.some((l) => l.includes('ignored saved state of an unknown shape')));
    assert.deepEqual(view.pageErrors, []);
  });

  it('the harness notices a CSP violation (so the other tests’ “none” means something)', async () => {
    await view.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(t: string): { textContent: string }; head: { append(n: unknown): void } } }).document;
      const style = doc.createElement('style');
      style.textContent = 'body { color: red }';
      doc.head.append(style);
    });
    await view.page.waitForFunction(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    assert.match((await view.cspViolations())[0] ?? '', /^style-src/);
  });
});
