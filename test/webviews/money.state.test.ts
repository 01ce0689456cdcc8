import assert from 'node:assert/strict';
import type { WebviewPage } from './harness/consolePage';
import { PROJECTS, SHOP, shopAtRate80, shopView, view } from './harness/moneyFixtures';
import { money } from './harness/moneyPage';
import { usePagePerSuite } from './harness/useWebviewPage';

describe('Money dashboard across a destroyed and recreated page, with a stand-in for the VS Code webview host', () => {
  let page: WebviewPage;
  usePagePerSuite('money', (v) => (page = v));

  it('comes back from getState as it was left: project, figures, the rate and the entry being typed', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView()));
    await money.rateInput(page).fill('7'); // typed, not yet committed
    await money.formInput(page, 'name').fill('Domain');
    await money.formInput(page, 'amount').fill('12');

    // VS Code destroys a hidden webview and loads it afresh when shown again.
    await page.reload();
    assert.deepEqual(await page.posted(), [{ type: 'ready', project: SHOP }], 'the host is told which project the page showed');
    assert.equal(await money.figure(page, 'labour').innerText(), '2,125', 'the figures are there before the host answers');
    assert.equal(await money.rateInput(page).inputValue(), '7');
    assert.equal(await money.formInput(page, 'name').inputValue(), 'Domain');
    assert.equal(await money.formInput(page, 'amount').inputValue(), '12');
    await page.page.locator('optimus-project-picker vscode-option', { hasText: 'blog' }).waitFor({ state: 'attached' });
  });

  it('does not wait for a change sent before it was hidden; the host’s fresh view replaces the saved one', async () => {
    await money.rateInput(page).fill('80');
    await money.rateInput(page).press('Enter');
    await page.waitForPosted('setRate');
    await page.reload();
    assert.equal(await page.page.locator('optimus-rate-field').getByText('Saving…').count(), 0);
    await page.send(view(shopAtRate80()));
    await page.page.locator('optimus-roi-figures [data-figure="labour"] .value', { hasText: '3,400' }).waitFor();
  });
});
