import assert from 'node:assert/strict';
import type { WebviewPage } from './harness/consolePage';
import { detail, generatedFiles, shopMessages, SHOP } from './harness/projectFixtures';
import { dependencyRows, FOCUSED_ITEM_SCRIPT, FOCUSED_TILE_SCRIPT, sendAll } from './harness/projectPage';
import { usePagePerTest } from './harness/useWebviewPage';

interface FocusedTile {
  t: number;
  label: string;
}

describe('project detail from the keyboard, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('project', (v) => (view = v));

  const files = generatedFiles(200);

  beforeEach(async () => {
    await sendAll(view, shopMessages(detail({ files }), 5));
    await view.page.locator('optimus-hotspot-treemap rect.tile').first().waitFor();
  });

  it('reaches the treemap with Tab as one stop, moves between tiles with the arrow keys, and opens the file on Enter', async () => {
    const { page } = view;
    const tiles = await page.locator('optimus-hotspot-treemap rect.tile[tabindex="0"]').count();
    assert.equal(tiles, 1, 'one tile holds the tab stop');
    await view.tabUntil((f) => f?.host === 'optimus-hotspot-treemap');
    const first = await page.evaluate<FocusedTile | null>(FOCUSED_TILE_SCRIPT);
    assert.equal(first?.t, 0, 'the largest file first');
    assert.match(first?.label ?? '', new RegExp(`^${files[0]?.file}, [\\d,]+ lines, complexity`));
    const seen = new Set<number>([0]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowLeft']) {
      await page.keyboard.press(key);
      const now = await page.evaluate<FocusedTile | null>(FOCUSED_TILE_SCRIPT);
      assert.ok(now, `${key} keeps the focus on a tile`);
      seen.add(now.t);
    }
    assert.ok(seen.size >= 3, `the arrow keys move between tiles (visited ${[...seen].join(', ')})`);
    await page.keyboard.press('End');
    const last = await page.evaluate<FocusedTile | null>(FOCUSED_TILE_SCRIPT);
    const count = await page.locator('optimus-hotspot-treemap rect.tile').count();
    assert.equal(last?.t, count - 1);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const target = await page.evaluate<FocusedTile | null>(FOCUSED_TILE_SCRIPT);
    await page.keyboard.press('Enter');
    const opened = await view.waitForPosted('open');
    const index = files.findIndex((f) => target?.label.startsWith(`${f.file},`));
    assert.deepEqual(opened, { type: 'open', project: SHOP, ref: 5, list: 'files', index });
    assert.match((await page.locator('optimus-hotspot-treemap .readout').innerText()).trim(), new RegExp(`^${files[index]?.file},`), 'the readout says the focused file');
  });

  it('opens a finding on Enter and a function on Space', async () => {
    const { page } = view;
    const focus = await view.tabUntil((f) => f?.host === 'optimus-findings-list' && f.tag === 'button', 600);
    assert.ok(focus);
    assert.deepEqual(await page.evaluate(FOCUSED_ITEM_SCRIPT), { host: 'optimus-findings-list', i: 0 });
    // The next category's heading (a disclosure) comes between the security findings and the quality ones.
    for (let i = 0; i < 3 && (await page.evaluate<{ i: number } | null>(FOCUSED_ITEM_SCRIPT))?.i !== 1; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await view.waitForPosted('open'), { type: 'open', project: SHOP, ref: 5, list: 'findings', index: 1 });
    await view.clearPosted();
    await page.locator('optimus-functions-table button').nth(2).focus();
    await page.keyboard.press('Space');
    assert.deepEqual(await view.waitForPosted('open'), { type: 'open', project: SHOP, ref: 5, list: 'functions', index: 2 });
  });

  it('goes from the header’s buttons to the charts, the tables and the filters in reading order', async () => {
    const order: string[] = [];
    for (let i = 0; i < 40 && !order.includes('optimus-dependencies-table'); i++) {
      await view.page.keyboard.press('Tab');
      const f = await view.deepFocus();
      if (f?.host && order.at(-1) !== f.host) order.push(f.host);
    }
    const expected = ['optimus-project-header', 'optimus-hotspot-treemap', 'optimus-functions-table', 'optimus-findings-list'];
    const reached = order.filter((h) => expected.includes(h));
    assert.deepEqual(reached, expected, `tab order: ${order.join(' → ')}`);
  });

  it('switches the dependency filter with Enter', async () => {
    const { page } = view;
    await page.locator('optimus-dependencies-table button[data-filter="outdated"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(dependencyRows, 2);
    assert.equal(await page.locator('optimus-dependencies-table button[data-filter="outdated"]').getAttribute('aria-pressed'), 'true');
  });
});
