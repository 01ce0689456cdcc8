import assert from 'node:assert/strict';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { WebviewPage } from './harness/consolePage';
import { FOCUSED_NEXT_ACTION_SCRIPT, type FocusedNextAction } from './harness/nextActionsPage';
import { portfolioActions } from './harness/nextActionsFixtures';
import { generatedCards } from './harness/portfolioFixtures';
import { usePagePerTest } from './harness/useWebviewPage';

describe('portfolio next actions from the keyboard, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('portfolio', (v) => (view = v));
  const focused = () => view.page.evaluate<FocusedNextAction | null>(FOCUSED_NEXT_ACTION_SCRIPT);
  const [first, second] = portfolioActions();

  beforeEach(async () => {
    await view.send({ type: 'cards', cards: generatedCards(12), index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'nextActions', actions: portfolioActions() } satisfies PortfolioMessage);
    await view.page.locator('optimus-next-actions li').nth(7).waitFor();
  });

  it('reaches the list with Tab after the charts and before the project search; Enter opens an item’s project', async () => {
    const order: string[] = [];
    for (let i = 0; i < 60 && !order.includes('vscode-textfield'); i++) {
      await view.page.keyboard.press('Tab');
      const f = await view.deepFocus();
      if (f?.host && order.at(-1) !== f.host) order.push(f.host);
    }
    const expected = ['optimus-health-chart', 'optimus-next-actions', 'vscode-textfield'];
    assert.deepEqual(order.filter((h) => expected.includes(h)), expected, `tab order: ${order.join(' → ')}`);

    // Back from the search box: the list's last action, then up to its first item.
    await view.clearPosted();
    for (let i = 0; i < 20 && !((await focused())?.tag === 'button' && (await focused())?.id === first?.id); i++) await view.page.keyboard.press('Shift+Tab');
    assert.deepEqual(await focused(), { tag: 'button', id: first?.id }, 'the first item, reached with Shift+Tab');
    await view.page.keyboard.press('Enter');
    assert.deepEqual(await view.waitForPosted('openProject'), { type: 'openProject', path: first?.projectPath });
  });

  it('goes from each item to its action with Tab; Space runs it, Enter runs the next one', async () => {
    const { page } = view;
    await view.tabUntil((f) => f?.host === 'optimus-next-actions', 60);
    assert.deepEqual(await focused(), { tag: 'button', id: first?.id });
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { tag: 'vscode-button', id: first?.id });
    await page.keyboard.press('Space');
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', id: first?.id });
    await view.send({ type: 'nextActionDone', id: first?.id ?? '' } satisfies PortfolioMessage);
    await page.locator('optimus-next-actions vscode-button:not([disabled])').first().waitFor();
    await view.clearPosted();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { tag: 'vscode-button', id: second?.id });
    await page.keyboard.press('Enter');
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', id: second?.id });
  });
});
