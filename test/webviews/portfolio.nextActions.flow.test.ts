import assert from 'node:assert/strict';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { WebviewPage } from './harness/consolePage';
import { waitForSaved } from './harness/nextActionsPage';
import { portfolioActions } from './harness/nextActionsFixtures';
import { generatedCards } from './harness/portfolioFixtures';
import { usePagePerTest } from './harness/useWebviewPage';

const list = 'optimus-next-actions';
const top = portfolioActions();
const [first, second] = top;

describe('portfolio next actions in Chromium, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('portfolio', (v) => (view = v));

  beforeEach(async () => {
    await view.send({ type: 'cards', cards: generatedCards(12), index: 'ready' } satisfies PortfolioMessage);
    await view.page.getByRole('status').filter({ hasText: '12 projects' }).waitFor();
  });

  it('says it is working them out, then lists the top 8 with their project, title, why, impact, effort and action', async () => {
    const { page } = view;
    await page.locator(list).getByRole('status').filter({ hasText: 'Working out what to do next…' }).waitFor();
    await view.send({ type: 'nextActions', actions: top } satisfies PortfolioMessage);
    await page.getByRole('heading', { name: 'Next actions', level: 2 }).waitFor();
    assert.deepEqual(await page.locator(`${list} li .project`).allInnerTexts(), top.map((a) => a.projectName));
    assert.deepEqual(await page.locator(`${list} li .title`).allInnerTexts(), top.map((a) => a.title));
    const item = page.locator(`${list} li`).first();
    await item.getByText('Why shop needs this (1).').waitFor();
    assert.deepEqual(await item.locator('.badge').allInnerTexts(), ['high impact', 'minutes of work']);
    assert.deepEqual((await page.locator(`${list} vscode-button`).allInnerTexts()).slice(0, 3), ['Back Up', 'Analyze', 'Open in New Window']);
  });

  it('opens an item’s project in Project detail, and asks for its action by id alone', async () => {
    const { page } = view;
    await view.send({ type: 'nextActions', actions: top } satisfies PortfolioMessage);
    // The whole item is the button, named by what it shows and where it leads.
    await page.getByRole('button', { name: /^blog\s*Fix 1 security finding in blog\s*Why blog needs this \(2\)\.\s*high impact\s*hours of work\s*Open blog in Project detail$/ }).click();
    assert.deepEqual(await view.waitForPosted('openProject'), { type: 'openProject', path: second?.projectPath });
    await page.getByRole('button', { name: `Back Up: ${first?.title}` }).click();
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', id: first?.id });
    await page.locator(`${list} vscode-button`, { hasText: 'Backing Up…' }).waitFor();
    assert.equal(await page.locator(`${list} vscode-button[disabled]`).count(), top.length, 'no second action while the first runs');
    await view.send({ type: 'nextActionDone', id: first?.id ?? '' } satisfies PortfolioMessage);
    await page.locator(`${list} vscode-button:not([disabled])`).first().waitFor();
    assert.equal(await page.locator(`${list} vscode-button[disabled]`).count(), 0);
  });

  it('shows an action the host refused as a plain message, until the next thing asked', async () => {
    const { page } = view;
    await view.send({ type: 'nextActions', actions: top } satisfies PortfolioMessage);
    await page.getByRole('button', { name: `Analyze: ${second?.title}` }).click();
    await view.waitForPosted('nextAction');
    await view.send({ type: 'failed', message: 'That next action is no longer in the list: try again on the one shown now.' } satisfies PortfolioMessage);
    await page.getByRole('alert').filter({ hasText: 'That next action is no longer in the list: try again on the one shown now.' }).waitFor();
    assert.equal(await page.locator(`${list} vscode-button[disabled]`).count(), 0, 'no longer busy');
    await page.locator(`${list} button.text`).first().click();
    await view.waitForPosted('openProject');
    await page.getByRole('alert').waitFor({ state: 'detached' });
  });

  it('says so when there is nothing to do, and shows the server’s message when the list cannot be worked out', async () => {
    const { page } = view;
    await view.send({ type: 'nextActions', actions: [] } satisfies PortfolioMessage);
    await page.locator(list).getByText('Nothing to do across your projects right now.', { exact: true }).waitFor();
    await view.send({ type: 'nextActionsFailed', message: 'The language server is not running.' } satisfies PortfolioMessage);
    await page.locator(list).getByRole('alert').filter({ hasText: 'The next actions could not be worked out: The language server is not running.' }).waitFor();
  });

  it('comes back with its list when the page is destroyed and rebuilt', async () => {
    const { page } = view;
    await view.send({ type: 'nextActions', actions: top } satisfies PortfolioMessage);
    await page.locator(`${list} li`).nth(7).waitFor();
    await waitForSaved(page, first?.id ?? '');
    await view.reload();
    assert.deepEqual(await view.posted(), [{ type: 'ready' }]);
    assert.deepEqual(await page.locator(`${list} li .title`).allInnerTexts(), top.map((a) => a.title), 'the list is back before the host answers');
  });
});
