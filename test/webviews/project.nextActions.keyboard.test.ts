import assert from 'node:assert/strict';
import type { ProjectMessage } from '../../webviews/project/protocol';
import type { WebviewPage } from './harness/consolePage';
import { FOCUSED_NEXT_ACTION_SCRIPT, type FocusedNextAction } from './harness/nextActionsPage';
import { shopActions } from './harness/nextActionsFixtures';
import { SHOP, shopMessages } from './harness/projectFixtures';
import { sendAll } from './harness/projectPage';
import { usePagePerTest } from './harness/useWebviewPage';

describe('project detail next actions from the keyboard, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('project', (v) => (view = v));
  const focused = () => view.page.evaluate<FocusedNextAction | null>(FOCUSED_NEXT_ACTION_SCRIPT);
  const [crashed, risk] = shopActions();

  beforeEach(async () => {
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    await view.page.locator('optimus-hotspot-treemap rect.tile').first().waitFor();
    await view.page.locator('optimus-next-actions vscode-button').first().waitFor();
  });

  it('comes after the header’s buttons and before the charts in the tab order', async () => {
    const order: string[] = [];
    for (let i = 0; i < 30 && !order.includes('optimus-hotspot-treemap'); i++) {
      await view.page.keyboard.press('Tab');
      const f = await view.deepFocus();
      if (f?.host && order.at(-1) !== f.host) order.push(f.host);
    }
    const expected = ['optimus-project-header', 'optimus-next-actions', 'optimus-hotspot-treemap'];
    assert.deepEqual(order.filter((h) => expected.includes(h)), expected, `tab order: ${order.join(' → ')}`);
  });

  it('reaches each action with Tab; Enter runs the first, Space the next', async () => {
    const { page } = view;
    await view.tabUntil((f) => f?.host === 'optimus-next-actions');
    assert.deepEqual(await focused(), { tag: 'vscode-button', id: crashed?.id }, 'the first item’s action first');
    await page.keyboard.press('Enter');
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', project: SHOP, id: crashed?.id });
    await view.send({ type: 'nextActionDone', project: SHOP, id: crashed?.id ?? '' } satisfies ProjectMessage);
    await page.locator('optimus-next-actions vscode-button:not([disabled])', { hasText: 'Open Console' }).waitFor();
    await view.clearPosted();
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { tag: 'vscode-button', id: risk?.id });
    await page.keyboard.press('Space');
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', project: SHOP, id: risk?.id });
  });
});
