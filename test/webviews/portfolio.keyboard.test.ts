import assert from 'node:assert/strict';
import { stackChoices, visibleCards } from '../../webviews/portfolio/cardQuery';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerSuite } from './harness/useWebviewPage';
import { CARD_NAMES_SCRIPT, FOCUSED_CARD_SCRIPT } from './harness/portfolioFocus';
import { generatedActivity, generatedCards } from './harness/portfolioFixtures';
import { waitFor } from './harness/waitFor';

describe('portfolio by keyboard only, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  const cards = generatedCards(30);
  const names = () => view.page.evaluate<string[]>(CARD_NAMES_SCRIPT);
  const focusedCard = () => view.page.evaluate<string | null>(FOCUSED_CARD_SCRIPT);

  usePagePerSuite('portfolio', (v) => (view = v));
  before(async () => {
    await view.send({ type: 'cards', cards, index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'activity', activity: generatedActivity(cards) } satisfies PortfolioMessage);
    await view.page.getByRole('status').filter({ hasText: '30 projects' }).waitFor();
  });

  it('Tab reaches the search box; typing narrows the cards', async () => {
    const { page } = view;
    const field = await view.tabUntil((f) => f?.host === 'vscode-textfield');
    assert.equal(field?.tag, 'input');
    await page.keyboard.type('billing');
    const expected = visibleCards(cards, { query: 'billing', stack: null, run: 'all', sort: 'name' }).map((c) => c.name);
    assert.ok(expected.length > 0 && expected.length < cards.length, 'the fixture has some billing projects, not all');
    await waitFor(async () => JSON.stringify(await names()) === JSON.stringify(expected), 'the billing projects alone');
    await page.getByRole('status').filter({ hasText: `Showing ${expected.length} of 30 projects` }).waitFor();
    for (let i = 0; i < 'billing'.length; i++) await page.keyboard.press('Backspace');
    await waitFor(async () => (await names()).length === 30, 'every card again');
  });

  it('the stack filter filters as you type; the state and sort selects open with Space and pick with the arrows and Enter', async () => {
    const { page } = view;
    const top = stackChoices(cards)[0];
    assert.ok(top && stackChoices(cards).length > 12, 'enough stacks for the select to filter as you type');
    await view.tabUntil((f) => f?.host === 'vscode-single-select');
    await page.keyboard.type(top.label);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const stack = await page.locator('optimus-portfolio-toolbar vscode-single-select').first().evaluate((el) => (el as unknown as { value: string }).value);
    assert.equal(stack, top.id, 'the stack typed is picked');
    const withStack = visibleCards(cards, { query: '', stack, run: 'all', sort: 'name' }).map((c) => c.name);
    await waitFor(async () => JSON.stringify(await names()) === JSON.stringify(withStack), `the ${stack} projects alone`);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown'); // Any state → Running
    await page.keyboard.press('Enter');
    const running = visibleCards(cards, { query: '', stack, run: 'running', sort: 'name' }).map((c) => c.name);
    await waitFor(async () => JSON.stringify(await names()) === JSON.stringify(running), 'the running ones of them');

    // Back to any state and any stack, then sorted by health.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < top.label.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('Any');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await names()).length === 30, 'every card again');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown'); // Name → Health, lowest first
    await page.keyboard.press('Enter');
    const byHealth = visibleCards(cards, { query: '', stack: null, run: 'all', sort: 'health' }).map((c) => c.name);
    await waitFor(async () => JSON.stringify(await names()) === JSON.stringify(byHealth), 'the cards by health, lowest first');
  });

  it('Tab enters the grid at one card; the arrows, Home and End move between cards; Enter opens one', async () => {
    const { page } = view;
    const order = visibleCards(cards, { query: '', stack: null, run: 'all', sort: 'health' }).map((c) => c.path);
    await page.keyboard.press('Tab');
    assert.equal(await focusedCard(), order[0], 'the grid is one Tab stop, at its first card');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedCard(), order[1]);
    const columns = await page.evaluate<number>(`(() => {
      const buttons = [...document.querySelector('optimus-portfolio').shadowRoot.querySelector('optimus-card-grid').shadowRoot.querySelectorAll('button.card')];
      return buttons.filter((b) => b.getBoundingClientRect().top === buttons[0].getBoundingClientRect().top).length;
    })()`);
    assert.ok(columns > 1, 'the panel is wide enough for a few columns');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedCard(), order[1 + columns], 'Down goes to the card below');
    await page.keyboard.press('End');
    assert.equal(await focusedCard(), order.at(-1));
    await page.keyboard.press('Home');
    assert.equal(await focusedCard(), order[0]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.deepEqual(await view.waitForPosted('openProject'), { type: 'openProject', path: order[1] });

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedCard(), order[1], 'coming back, Tab lands on the card last focused');
  });

  it('the heatmap is one Tab stop whose arrow keys move between days, read out as they go', async () => {
    const { page } = view;
    const heatmap = page.getByRole('group', { name: /Commits per day over the last 12 months/ });
    await heatmap.focus();
    const readout = page.locator('optimus-activity-heatmap #readout');
    const today = await readout.innerText();
    await page.keyboard.press('ArrowLeft');
    const weekBefore = await readout.innerText();
    assert.notEqual(weekBefore, today);
    await page.keyboard.press('ArrowRight');
    assert.equal(await readout.innerText(), today);
    await page.keyboard.press('Home');
    assert.match(await readout.innerText(), /: (no commits|\d+ commits?)$/);
    assert.equal(await readout.getAttribute('aria-live'), 'polite');
  });

  it('names its controls and regions for screen readers', async () => {
    const { page } = view;
    await page.getByRole('searchbox', { name: 'Search projects by name, stack, branch or path' }).or(page.getByRole('textbox', { name: 'Search projects by name, stack, branch or path' })).waitFor();
    await page.getByRole('list', { name: 'Projects' }).waitFor();
    await page.getByRole('region', { name: 'Charts' }).or(page.getByRole('region', { name: 'Projects' })).first().waitFor();
    const label = await page.locator('optimus-card-grid button.card').first().getAttribute('aria-label');
    assert.match(label ?? '', /\. (Running|Stopped|Crashed)/);
    assert.match(label ?? '', /(health \d+ of 100|not analyzed)/);
  });
});
