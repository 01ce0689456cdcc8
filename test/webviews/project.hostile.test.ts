import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { DETAIL_LIMITS } from '../../webviews/project/detailView';
import { LIMITS, type ProjectMessage } from '../../webviews/project/protocol';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { detail, header, HOSTILE, hostileDetail, SHOP, shopMessages } from './harness/projectFixtures';
import { sendAll } from './harness/projectPage';
import { waitFor } from './harness/waitFor';

const HUGE = 'x'.repeat(LIMITS.message + 1);
const good = detail();

/** Messages a broken or hostile host could send; the page must act on none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['a string', 'header'],
  ['null', null],
  ['an array', [{ type: 'noProject' }]],
  ['an unknown type', { type: 'runShell', command: 'rm -rf ~' }],
  ['a header without its fields', { type: 'header', header: { path: SHOP, name: 'Half a header' } }],
  ['a header with health over 100', { type: 'header', header: header({ health: 101 }) }],
  ['a header with a NaN CPU', { type: 'header', header: header({ run: { state: 'running', cpuPercent: Number.NaN, memoryBytes: 1, ports: [] } }) }],
  ['a header with a port out of range', { type: 'header', header: header({ run: { state: 'running', cpuPercent: 1, memoryBytes: 1, ports: [70_000] } }) }],
  ['a detail with a NaN line count', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, files: [{ ...good.files[0], loc: Number.NaN }] } }],
  ['a detail with a fractional line', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, findings: [{ ...good.findings[0], line: 1.5 }] } }],
  ['a detail with an unknown category', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, findings: [{ ...good.findings[0], category: 'style' }] } }],
  ['a detail with a huge message', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, findings: [{ ...good.findings[0], message: HUGE }] } }],
  ['a detail with too many files', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, files: Array.from({ length: DETAIL_LIMITS.files + 1 }, () => good.files[0]) } }],
  ['a detail without counts', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, findingCounts: { quality: 1 } } }],
  ['a detail with ref 0', { type: 'detail', project: SHOP, ref: 0, detail: good }],
  ['a detail whose analysis time is not a time', { type: 'detail', project: SHOP, ref: 99, detail: { ...good, analyzedAt: 'yesterday' } }],
  ['usage with a NaN sample', { type: 'usage', project: SHOP, samples: [{ at: 1, cpuPercent: Number.NaN, memoryBytes: 1 }] }],
  ['activity whose window ends before it starts', { type: 'activity', project: SHOP, activity: { from: '2025-12-31', to: '2025-01-01', days: [] } }],
  ['a failure with a huge message', { type: 'failed', message: HUGE }],
  ['an action it does not know', { type: 'actionDone', project: SHOP, action: 'deploy' }],
];

describe('project detail against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'project');
  });
  after(async () => {
    await browser?.close();
  });

  it('drops each with a log line, keeps what it showed, and still works after', async () => {
    const { page } = view;
    await sendAll(view, shopMessages(good, 5));
    await page.locator('optimus-hotspot-treemap rect.tile').first().waitFor();
    const tiles = await page.locator('optimus-hotspot-treemap rect.tile').count();
    const logged = view.consoleLines.length;
    for (const [, message] of HOSTILE_MESSAGES) await view.send(message);
    await waitFor(() => view.consoleLines.length - logged >= HOSTILE_MESSAGES.length, 'a warning per dropped message');
    const warnings = view.consoleLines.slice(logged);
    assert.equal(warnings.filter((l) => l.startsWith('warning: [optimus project] dropped a host message outside the protocol')).length, HOSTILE_MESSAGES.length, warnings.join('\n'));
    assert.equal(warnings.some((l) => l.includes('rm -rf')), false, 'the log names what was dropped, not its content');
    assert.equal(await page.locator('optimus-hotspot-treemap rect.tile').count(), tiles, 'what was shown stays');
    await page.getByRole('heading', { name: 'shop', level: 1 }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await view.send({ type: 'failed', message: 'still listening' } satisfies ProjectMessage);
    await page.getByRole('alert').filter({ hasText: 'still listening' }).waitFor();
    assert.deepEqual(view.pageErrors, []);
  });

  it('shows script-like names and paths as text, and offers to open no path that leaves the project', async () => {
    const { page } = view;
    await view.clearPosted();
    await sendAll(view, [{ type: 'header', header: header({ name: `shop ${HOSTILE}`, path: SHOP }) }, { type: 'detail', project: SHOP, ref: 6, detail: hostileDetail() }] satisfies ProjectMessage[]);
    await page.getByRole('heading', { name: `shop ${HOSTILE}`, level: 1 }).waitFor();
    await page.getByText(`Message <script>window.__pwned=2</script> ${HOSTILE}`).waitFor();
    await page.getByText(`Note ${HOSTILE}`).waitFor();
    await page.getByText(`pkg ${HOSTILE}`).waitFor();
    assert.equal(await page.locator('img').count(), 0, 'no element was made from the markup');
    assert.equal(await view.pwned(), false);

    // Found by label in the test, not by a CSS selector: the markup in the name is no valid selector.
    const tiles = page.locator('optimus-hotspot-treemap rect.tile');
    const labels = await Promise.all(Array.from({ length: await tiles.count() }, (_, i) => tiles.nth(i).getAttribute('aria-label')));
    const tileOf = (file: string) => tiles.nth(labels.findIndex((l) => l?.startsWith(`${file},`)));
    const xss = tileOf(`src/${HOSTILE}.ts`);
    assert.equal(await xss.getAttribute('aria-disabled'), 'false', 'a file inside the project opens, whatever its name');
    for (const file of ['../../etc/passwd', '/etc/shadow']) {
      const tile = tileOf(file);
      assert.equal(await tile.getAttribute('aria-disabled'), 'true', `${file} is not offered`);
      assert.match((await tile.getAttribute('aria-label')) ?? '', /not inside the project folder, so not opened$/);
      await tile.click({ force: true }); // aria-disabled: playwright would not click it, a user still can
    }
    assert.equal(await page.locator('optimus-functions-table button', { hasText: 'fn' }).count(), 0, 'a function in ../shop-old is not a link');
    await page.locator('optimus-functions-table th', { hasText: `fn ${HOSTILE}` }).waitFor();
    assert.equal(await page.locator('optimus-findings-list button.finding', { hasText: 'Message' }).count(), 0, 'a finding in src/../../../etc/hosts is not a link');
    await xss.click();
    const opened = (await view.posted()).filter((m) => (m as { type?: string }).type === 'open');
    assert.deepEqual(opened, [{ type: 'open', project: SHOP, ref: 6, list: 'files', index: 0 }], 'only the file inside the project was asked for');
  });
});
