import assert from 'node:assert/strict';
import type { WebviewPage } from './harness/consolePage';
import { BLOG, PROJECTS, SHOP, shopView, view } from './harness/moneyFixtures';
import { focusedName, money, postedOfType, tabTo } from './harness/moneyPage';
import { usePagePerTest } from './harness/useWebviewPage';

describe('Money dashboard from the keyboard, with a stand-in for the VS Code webview host', () => {
  let page: WebviewPage;
  usePagePerTest('money', (v) => (page = v));

  beforeEach(async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await page.page.getByRole('heading', { name: 'Return on investment' }).waitFor();
  });

  it('Tab goes through the controls in reading order', async () => {
    const order = ['Project', 'Refresh', 'Hourly rate', 'Remove cost Hosting', 'Remove revenue Launch sale', 'Cost or revenue', 'Name', 'Amount', 'Repeats', 'Since', 'Add', 'Why'];
    const reached: string[] = [];
    for (const name of order) {
      // A date field is a stop per part of the date (day, month, year), all of the same field.
      const passed = (await tabTo(page, name, 8)).filter((n) => n !== reached.at(-1));
      assert.deepEqual(passed, [], `nothing between ${reached.at(-1) ?? 'the start'} and ${name}`);
      reached.push(name);
    }
    await tabTo(page, 'Open the setting', 4);
  });

  it('Enter sets the rate once; typing another and leaving the field sets that one', async () => {
    await tabTo(page, 'Hourly rate');
    await page.page.keyboard.press('Control+A');
    await page.page.keyboard.type('65');
    await page.page.keyboard.press('Enter');
    await page.waitForPosted('setRate');
    await page.send(view(shopView({ hourlyRate: 65 })));
    await page.page.keyboard.press('Control+A');
    await page.page.keyboard.type('70');
    await page.page.keyboard.press('Tab');
    await page.page.locator('optimus-rate-field').getByText('Saving…').waitFor();
    assert.deepEqual(await postedOfType(page, 'setRate'), [
      { type: 'setRate', project: SHOP, rate: 65 },
      { type: 'setRate', project: SHOP, rate: 70 },
    ]);
  });

  it('Enter and Space press the remove buttons', async () => {
    await tabTo(page, 'Remove cost Hosting');
    await page.page.keyboard.press('Enter');
    assert.deepEqual(await page.waitForPosted('removeEntry'), { type: 'removeEntry', project: SHOP, id: 1 });
    await page.send(view(shopView())); // the host answers (the user said no in its dialog)
    await tabTo(page, 'Remove revenue Launch sale');
    await page.page.keyboard.press('Space');
    assert.deepEqual(await page.waitForPosted('removeEntry'), { type: 'removeEntry', project: SHOP, id: 2 });
  });

  it('Enter in a field of the add form adds the entry', async () => {
    await tabTo(page, 'Name');
    await page.page.keyboard.type('Domain');
    await page.page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Amount');
    await page.page.keyboard.type('12');
    await page.page.keyboard.press('Enter');
    const added = await page.waitForPosted('addEntry');
    assert.deepEqual({ ...added, item: { ...(added.item as object), since: 'today' } }, { type: 'addEntry', project: SHOP, direction: 'cost', item: { name: 'Domain', amount: 12, kind: 'monthly', since: 'today' } });
  });

  it('arrow keys in the project picker choose another project', async () => {
    await tabTo(page, 'Project');
    await page.page.keyboard.press('Space');
    await page.page.keyboard.press('ArrowUp');
    await page.page.keyboard.press('Enter');
    assert.deepEqual(await page.waitForPosted('pickProject'), { type: 'pickProject', project: BLOG });
    await page.page.getByText('Reading the history and money of blog…').waitFor();
  });

  it('names its regions, controls and chart for screen readers', async () => {
    for (const name of ['Return on investment', 'Costs and revenue', 'Revenue models', 'Market', 'Authors']) await page.page.getByRole('region', { name }).waitFor();
    await page.page.getByRole('textbox', { name: 'Hourly rate' }).waitFor();
    await page.page.getByRole('img', { name: /^42\.5 h from Jan 2024 to Apr 2024/ }).waitFor();
    await page.page.getByRole('table', { name: 'Hours by month' }).waitFor({ state: 'attached' });
    await page.page.getByRole('list', { name: 'Gaps' }).first().waitFor();
    await page.page.getByRole('status').first().waitFor({ state: 'attached' });
    assert.equal(await money.cards(page).first().getByRole('article').count(), 1);
  });
});
