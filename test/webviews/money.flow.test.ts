import assert from 'node:assert/strict';
import type { WebviewPage } from './harness/consolePage';
import { BLOG, marketWithoutData, notGitView, PROJECTS, SHOP, shopAtRate80, shopView, view } from './harness/moneyFixtures';
import { money, postedOfType, timeFiguresUpdateScript } from './harness/moneyPage';
import { usePagePerTest } from './harness/useWebviewPage';

describe('Money dashboard in Chromium, with a stand-in for the VS Code webview host', () => {
  let page: WebviewPage;
  usePagePerTest('money', (v) => (page = v));

  it('says it is loading until the host answers, then shows the project the host sends', async () => {
    assert.deepEqual(await page.posted(), [{ type: 'ready', project: null }]);
    await page.page.getByText('Loading…', { exact: true }).waitFor();
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.page.getByText('Reading the history and money of shop…').waitFor();
    await page.send(view(shopView()));
    await page.page.getByRole('heading', { name: 'Return on investment' }).waitFor();
    assert.equal(await page.page.getByText('Reading the history and money of shop…').count(), 0);
    const picker = page.page.locator('optimus-project-picker vscode-single-select');
    assert.equal(await picker.evaluate((s) => (s as unknown as { value: string }).value), SHOP);
    assert.equal(await picker.locator('.select-face .text').innerText(), 'shop', 'the picker names the project shown');
  });

  it('shows every ROI figure the host sent, worded', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    const figures: Record<string, string> = {
      hours: '42.5 h',
      sessions: '17',
      commits: '120',
      labour: '2,125',
      costs: '30',
      revenue: '250',
      invested: '2,155',
      roi: '-88.4%',
      costPerMonth: '5',
      revenuePerMonth: '0',
      payback: 'Never, at the current monthly costs and revenue',
    };
    for (const [key, text] of Object.entries(figures)) assert.equal(await money.figure(page, key).innerText(), text, key);
    assert.equal(await money.figureDetail(page, 'labour').innerText(), '42.5 h × 50');
    assert.equal(await money.rateInput(page).inputValue(), '50');
    await page.page.getByText('This is a shallow clone').waitFor();
  });

  it('sends exactly one setRate with the number when the rate changes, and the new view updates the figures', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await money.rateInput(page).fill('80');
    await money.rateInput(page).press('Enter');
    await page.waitForPosted('setRate');
    await page.page.keyboard.press('Tab'); // leaving the field commits too: the same rate is not sent twice
    await page.page.locator('optimus-rate-field').getByText('Saving…').waitFor();
    assert.deepEqual(await postedOfType(page, 'setRate'), [{ type: 'setRate', project: SHOP, rate: 80 }]);

    const ms = await page.page.evaluate<number>(timeFiguresUpdateScript(view(shopAtRate80()), '3,400'));
    console.log(`      rate change: new view posted → figures painted in ${ms.toFixed(1)} ms`);
    assert.equal(await money.figure(page, 'labour').innerText(), '3,400');
    assert.equal(await money.figure(page, 'invested').innerText(), '3,430');
    assert.equal(await money.figure(page, 'roi').innerText(), '-92.7%');
    assert.equal(await money.figureDetail(page, 'labour').innerText(), '42.5 h × 80');
    assert.equal(await money.rateInput(page).inputValue(), '80');
    assert.equal(await page.page.locator('optimus-rate-field').getByText('Saving…').count(), 0);
    assert.equal((await postedOfType(page, 'setRate')).length, 1);
  });

  it('shows an invalid rate inline and sends nothing', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    for (const typed of ['-5', 'abc', '1e3', '2000000']) {
      await money.rateInput(page).fill(typed);
      await money.rateInput(page).press('Enter');
      assert.match(await money.rateError(page).innerText(), /The hourly rate must be a number from 0 to 1000000/, typed);
    }
    await money.rateInput(page).fill('50');
    await money.rateInput(page).press('Enter');
    assert.equal(await money.rateError(page).count(), 0, 'the message goes once the rate is valid');
    assert.deepEqual(await postedOfType(page, 'setRate'), [], 'neither an invalid rate nor the unchanged one is sent');
  });

  it('lists costs and revenue, asks the host to remove one, and adds one dated today by default', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    assert.equal(await money.entries(page).count(), 2);
    await page.page.getByText('every month since Jan 15, 2024').waitFor();
    await page.page.getByRole('button', { name: 'Remove cost Hosting' }).click();
    assert.deepEqual(await page.waitForPosted('removeEntry'), { type: 'removeEntry', project: SHOP, id: 1 });

    await page.send(view(shopView()));
    const today = await page.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.equal(await money.formInput(page, 'since').inputValue(), today, 'the date defaults to today');
    await money.formInput(page, 'name').fill('Domain');
    await money.formInput(page, 'amount').fill('12.5');
    await page.page.locator('optimus-entry-form vscode-single-select').nth(1).click();
    await page.page.keyboard.press('ArrowDown');
    await page.page.keyboard.press('Enter');
    await page.page.getByRole('button', { name: 'Add', exact: true }).click();
    assert.deepEqual(await page.waitForPosted('addEntry'), { type: 'addEntry', project: SHOP, direction: 'cost', item: { name: 'Domain', amount: 12.5, kind: 'one-off', since: today } });

    const added = shopView();
    await page.send(view({ ...added, entries: [...added.entries, { id: 3, direction: 'cost', name: 'Domain', amount: 12.5, kind: 'one-off', since: today }] }));
    await page.page.getByRole('button', { name: 'Remove cost Domain' }).waitFor();
    assert.equal(await money.formInput(page, 'name').inputValue(), '', 'the form empties once the entry is stored');
  });

  it('says what is wrong with an entry before sending it', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await page.page.getByRole('button', { name: 'Add', exact: true }).click();
    assert.equal(await money.formError(page).innerText(), 'Name the cost or revenue, e.g. Hosting.');
    await money.formInput(page, 'name').fill('Domain');
    await money.formInput(page, 'amount').fill('-3');
    await money.formInput(page, 'amount').press('Enter');
    assert.match(await money.formError(page).innerText(), /The amount must be a number from 0 to 1000000000/);
    assert.deepEqual(await postedOfType(page, 'addEntry'), []);
  });

  it('shows revenue models with confidence as a meter and percent, signals, and gaps as a checklist', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    assert.equal(await money.cards(page).count(), 2);
    const first = money.cards(page).first();
    await first.getByRole('heading', { name: 'SaaS subscription' }).waitFor();
    assert.equal(await first.locator('meter').getAttribute('aria-label'), 'Confidence 62%');
    assert.equal(await first.locator('meter').evaluate((m) => (m as unknown as { value: number }).value), 0.62);
    await first.getByText('has-auth: src/auth/login.ts').waitFor();
    assert.deepEqual((await first.locator('ul.gaps li').allTextContents()).map((t) => t.trim()), ['To do: Add a pricing page', 'To do: Take payments (Stripe, Paddle…)']);
    await money.cards(page).nth(1).getByText('No known gaps.').waitFor();
  });

  it('draws a bar per month (months without commits at 0) with a summary and a table for screen readers', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    assert.deepEqual(await money.bars(page).evaluateAll((bars) => bars.map((b) => b.getAttribute('data-month'))), ['2024-01', '2024-02', '2024-03', '2024-04']);
    const svg = page.page.locator('optimus-hours-chart svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match((await svg.getAttribute('aria-label')) ?? '', /^42\.5 h from Jan 2024 to Apr 2024; the busiest month was Feb 2024 with 20 h\.$/);
    const rows = await page.page.locator('optimus-hours-chart table tbody tr').allTextContents();
    assert.deepEqual(rows, ['Jan 202412.5 h', 'Feb 202420 h', 'Mar 20240 h', 'Apr 202410 h']);
    const heights = await money.bars(page).evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('height'))));
    assert.ok((heights[1] ?? 0) > (heights[0] ?? 0) && heights[2] === 0, 'bar heights follow the hours');
  });

  it('says the market figures are off and asks the host to open the setting', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await money.market(page).getByText('Market figures are off.').waitFor();
    assert.doesNotMatch(await money.market(page).innerText(), /\d/, 'no number is shown for the market');
    await page.page.getByRole('button', { name: 'Open the setting' }).click();
    assert.deepEqual(await page.waitForPosted('openMarketSetting'), { type: 'openMarketSetting' });
  });

  it('says "no data" for a market source without figures, with its notes, and never shows a number it was not sent', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView({ market: marketWithoutData() })));
    assert.equal(await money.market(page).locator('[data-source="npm"]').innerText(), 'no data');
    assert.equal(await money.market(page).locator('[data-source="github"]').innerText(), 'no data');
    await money.market(page).getByText('The network could not be reached: GitHub was not asked.').waitFor();
    assert.doesNotMatch(await money.market(page).innerText(), /\d/);

    const market = { state: 'on' as const, npm: { package: 'shop-kit', weeklyDownloads: 1234, monthlyDownloads: 5678, fetchedAt: '2025-01-02T10:00:00Z' }, github: null, notes: ['GitHub: no remote.'] };
    await page.send(view(shopView({ market })));
    await money.market(page).getByText('1,234 downloads in the last week, 5,678 in the last 30 days').waitFor();
    assert.equal(await money.market(page).locator('[data-source="github"]').innerText(), 'no data');
  });

  it('shows a folder without git as 0 hours with the server’s note', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: BLOG });
    await page.send(view(notGitView()));
    assert.equal(await money.figure(page, 'hours').innerText(), '0 h');
    assert.equal(await money.figure(page, 'roi').innerText(), 'not known: nothing invested yet');
    assert.equal(await money.figure(page, 'payback').innerText(), 'Nothing to pay back');
    await page.page.getByText(`${BLOG} is not a git repository (no .git): no hours to count.`).waitFor();
    await page.page.getByText('No hours to chart: no commits were counted.').waitFor();
    assert.equal(await money.bars(page).count(), 0);
    await page.page.getByText('No rate set: your hours count as 0').waitFor();
  });

  it('shows the empty state when there is no project, and waits while the list is still being made', async () => {
    await page.send({ type: 'projects', projects: [], indexing: true });
    await page.page.getByText('Loading…', { exact: true }).waitFor();
    await page.send({ type: 'projects', projects: [], indexing: false });
    await page.page.getByRole('heading', { name: 'No projects yet' }).waitFor();
  });

  it('shows the server’s error when the view cannot be had, and tries again on request', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send({ type: 'viewFailed', project: SHOP, message: 'The language server is not running.' });
    await page.page.getByRole('heading', { name: 'The money of this project could not be read' }).waitFor();
    await page.page.getByText('The language server is not running.').waitFor();
    await page.page.getByRole('button', { name: 'Try again' }).click();
    assert.deepEqual(await page.waitForPosted('refresh'), { type: 'refresh', project: SHOP });
    await page.send(view(shopView()));
    await page.page.getByRole('heading', { name: 'Return on investment' }).waitFor();
  });

  it('shows a refused change as a plain message and keeps what was typed (an untrusted workspace)', async () => {
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await money.rateInput(page).fill('80');
    await money.rateInput(page).press('Enter');
    await page.waitForPosted('setRate');
    const refusal = 'The hourly rate was not saved: Optimus does not change anything (roi.rate) in an untrusted workspace. Trust the workspace to allow it.';
    await page.send({ type: 'failed', message: refusal });
    await page.page.getByRole('alert').filter({ hasText: 'untrusted workspace' }).waitFor();
    assert.equal(await money.rateInput(page).inputValue(), '80', 'what the user typed is still there');
    assert.equal(await money.figure(page, 'labour').innerText(), '2,125', 'the figures stay those the server computed');
    assert.equal(await page.page.locator('optimus-rate-field').getByText('Saving…').count(), 0);
  });

  it('asks the host for the project picked, and drops an answer for the project it left', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await page.page.locator('optimus-project-picker vscode-single-select').click();
    await page.page.locator('optimus-project-picker vscode-single-select li', { hasText: 'blog' }).click();
    assert.deepEqual(await page.waitForPosted('pickProject'), { type: 'pickProject', project: BLOG });
    await page.page.getByText('Reading the history and money of blog…').waitFor();
    // The shop's answers, late: the page has moved on.
    await page.send(view(shopView()));
    await page.send({ type: 'viewFailed', project: SHOP, message: 'Too late to matter.' });
    await page.send({ type: 'projects', projects: [...(PROJECTS.type === 'projects' ? PROJECTS.projects : []), { path: '/p/marker', name: 'marker' }], indexing: false });
    await page.page.locator('optimus-project-picker vscode-option', { hasText: 'marker' }).waitFor({ state: 'attached' });
    await page.page.getByText('Reading the history and money of blog…').waitFor();
    assert.equal(await page.page.getByText('Too late to matter.').count(), 0);
    await page.send(view(notGitView()));
    await page.page.getByText(`${BLOG} is not a git repository (no .git): no hours to count.`).waitFor();
    assert.equal(await money.figure(page, 'hours').innerText(), '0 h');
  });
});
