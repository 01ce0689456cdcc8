import assert from 'node:assert/strict';
import type { ProjectMessage } from '../../webviews/project/protocol';
import type { WebviewPage } from './harness/consolePage';
import { shopActions } from './harness/nextActionsFixtures';
import { BLOG, header, SHOP, shopMessages } from './harness/projectFixtures';
import { waitForSaved } from './harness/nextActionsPage';
import { sendAll } from './harness/projectPage';
import { usePagePerTest } from './harness/useWebviewPage';

const list = 'optimus-next-actions';
const RISK = `work-at-risk:${SHOP}`;

describe('project detail next actions in Chromium, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('project', (v) => (view = v));

  it('says it is working them out, then lists each one’s title, why, impact, effort and action button', async () => {
    const { page } = view;
    await sendAll(view, shopMessages());
    await page.locator(list).getByRole('status').filter({ hasText: 'Working out what to do next…' }).waitFor();
    await view.send({ type: 'nextActions', project: SHOP, actions: shopActions() } satisfies ProjectMessage);
    await page.getByRole('heading', { name: 'Next actions', level: 3 }).waitFor();
    assert.deepEqual(await page.locator(`${list} li .title`).allInnerTexts(), shopActions().map((a) => a.title));
    const risk = page.locator(`${list} li`).nth(1);
    await risk.getByText('3 changed files and no commit for 9 days, and no backup.').waitFor();
    assert.deepEqual(await risk.locator('.badge').allInnerTexts(), ['high impact', 'minutes of work']);
    assert.deepEqual(await page.locator(`${list} vscode-button`).allInnerTexts(), ['Open Console', 'Back Up', 'Analyze', 'Open in New Window']);
    assert.equal(await page.locator(`${list} li`).nth(4).locator('vscode-button').count(), 0, 'an item without a one-click action has no button');
    assert.equal(await page.locator(`${list} .project`).count(), 0, 'the project is not named again on its own page');
    assert.equal(await page.getByRole('button', { name: 'Back Up: Commit or back up the uncommitted work in shop' }).count(), 1, 'the button says what it acts on');
  });

  it('asks the host for an action by the item’s id alone, and is busy until the host says it ended', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    await page.locator(`${list} vscode-button`, { hasText: 'Back Up' }).click();
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', project: SHOP, id: RISK });
    await page.locator(`${list} vscode-button`, { hasText: 'Backing Up…' }).waitFor();
    const disabled = await page.locator(`${list} vscode-button`).evaluateAll((buttons) => buttons.map((b) => b.hasAttribute('disabled')));
    assert.deepEqual(disabled, [true, true, true, true], 'no second action while the first runs');
    await view.send({ type: 'nextActionDone', project: SHOP, id: RISK } satisfies ProjectMessage);
    await page.locator(`${list} vscode-button`, { hasText: 'Back Up' }).waitFor();
    assert.equal(await page.locator(`${list} vscode-button[disabled]`).count(), 0);
  });

  it('says "Nothing to do here right now." for an empty list', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: [] }]);
    await page.locator(list).getByText('Nothing to do here right now.', { exact: true }).waitFor();
    assert.equal(await page.locator(`${list} li`).count(), 0);
  });

  it('shows the server’s message when the list cannot be worked out, and the list once it can', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActionsFailed', project: SHOP, message: 'Unknown project: /home/dev/projects/shop' }]);
    await page.locator(list).getByRole('alert').filter({ hasText: 'The next actions could not be worked out: Unknown project: /home/dev/projects/shop' }).waitFor();
    assert.equal(await page.locator(list).getByRole('status').count(), 0, 'no longer said to be working it out');
    await view.send({ type: 'nextActions', project: SHOP, actions: shopActions() } satisfies ProjectMessage);
    await page.locator(`${list} li`).first().waitFor();
    assert.equal(await page.locator(list).getByRole('alert').count(), 0);
  });

  it('shows an action the host refused as a plain message, and is no longer busy', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    await page.locator(`${list} vscode-button`, { hasText: 'Analyze' }).click();
    await view.waitForPosted('nextAction');
    await view.send({ type: 'failed', message: 'That next action is no longer in the list: try again on the one shown now.' } satisfies ProjectMessage);
    await page.getByRole('alert').filter({ hasText: 'That next action is no longer in the list: try again on the one shown now.' }).waitFor();
    await page.locator(`${list} vscode-button`, { hasText: 'Analyze' }).waitFor();
    assert.equal(await page.locator(`${list} vscode-button[disabled]`).count(), 0);
  });

  it('ignores a list that arrives late for another project, and shows the next project without the last one’s', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    await page.locator(`${list} li`).first().waitFor();
    await view.send({ type: 'header', header: header({ path: BLOG, name: 'blog' }) } satisfies ProjectMessage);
    await page.getByRole('heading', { name: 'blog', level: 1 }).waitFor();
    await page.locator(list).getByRole('status').filter({ hasText: 'Working out what to do next…' }).waitFor();
    await view.send({ type: 'nextActions', project: SHOP, actions: shopActions() } satisfies ProjectMessage);
    await view.send({ type: 'failed', message: 'marker' } satisfies ProjectMessage);
    await page.getByRole('alert').filter({ hasText: 'marker' }).waitFor();
    assert.equal(await page.locator(`${list} li`).count(), 0, 'shop’s list is not shown as blog’s');
  });

  it('comes back with its list when the page is destroyed and rebuilt, before the host answers', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    await page.locator(`${list} vscode-button`, { hasText: 'Back Up' }).click();
    await view.waitForPosted('nextAction');
    await waitForSaved(page, `"pending":"${RISK}"`);
    await view.reload();
    assert.deepEqual(await view.posted(), [{ type: 'ready', project: SHOP }]);
    assert.deepEqual(await page.locator(`${list} li .title`).allInnerTexts(), shopActions().map((a) => a.title));
    assert.equal(await page.locator(`${list} vscode-button[disabled]`).count(), 0, 'an action asked by the page before is not shown as busy by this one');
  });
});
