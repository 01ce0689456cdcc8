import assert from 'node:assert/strict';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerTest } from './harness/useWebviewPage';
import { card, generatedActivity, generatedCards } from './harness/portfolioFixtures';
import { timeCardsPaintedScript, timeCardUpdateScript, type Timing, type UpdateTiming } from './harness/portfolioTiming';

describe('portfolio in Chromium, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerTest('portfolio', (v) => (view = v));

  it('says it is looking until the host answers, then shows the empty state, whose button asks the host to add a folder', async () => {
    const { page } = view;
    assert.deepEqual(await view.posted(), [{ type: 'ready' }]);
    await page.getByRole('status').filter({ hasText: 'Looking for projects…' }).waitFor();
    await view.send({ type: 'cards', cards: [], index: 'scanning' } satisfies PortfolioMessage);
    await page.getByText('Looking for projects…').waitFor();
    await view.send({ type: 'cards', cards: [], index: 'ready' } satisfies PortfolioMessage);
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
    assert.equal(await page.locator('optimus-activity-heatmap').count(), 0, 'no empty charts around an empty portfolio');
    await page.getByRole('button', { name: 'Add a Folder of Projects…' }).click();
    assert.deepEqual(await view.waitForPosted('addRoot'), { type: 'addRoot' });
  });

  it('paints 200 cards and the four charts after the host’s first message (time printed)', async () => {
    const { page } = view;
    const cards = generatedCards(200);
    const timing = await page.evaluate<Timing>(timeCardsPaintedScript({ type: 'cards', cards, index: 'ready' }, 200));
    console.log(`      200 cards: ${timing.ms.toFixed(1)} ms from the host's first message to the painted frame, ${timing.workMs.toFixed(1)} ms of it the page's work (target ≤ 300 ms)`);
    await page.getByRole('status').filter({ hasText: '200 projects' }).waitFor();
    await page.getByRole('heading', { name: 'Health distribution' }).waitFor();
    await page.getByRole('heading', { name: 'Languages' }).waitFor();
    await page.getByRole('heading', { name: 'Running resources' }).waitFor();
    await page.getByText('Reading the commit history of every repository…').waitFor();
    const running = cards.filter((c) => c.run.state === 'running').length;
    await page.getByText(new RegExp(`^${running} projects run, using`)).waitFor();

    await view.send({ type: 'activity', activity: generatedActivity(cards) } satisfies PortfolioMessage);
    await page.getByText(/commits in the last 12 months across 20 projects/).waitFor();
    const cells = await page.locator('optimus-activity-heatmap rect.cell[data-i]').count();
    assert.ok(cells >= 365 && cells <= 366, `a cell per day of the year (${cells})`);
    assert.ok((await page.locator('optimus-activity-heatmap rect.heat-4').count()) > 0, 'the busiest days in the strongest colour');
  });

  it('redraws only the card whose running state changed in a live update (times printed)', async () => {
    const { page } = view;
    const cards = generatedCards(200);
    await page.evaluate<Timing>(timeCardsPaintedScript({ type: 'cards', cards, index: 'ready' }, 200));
    const target = cards.find((c) => c.run.state === 'stopped') ?? card();
    const running = { ...target, run: { state: 'running' as const, cpuPercent: 42.5, memoryBytes: 300 * 1024 * 1024, ports: [4321] } };
    const timings: UpdateTiming[] = [];
    // Started and stopped ten times: the first update (cold code) is counted with the others.
    for (let i = 0; i < 10; i++) {
      const next = i % 2 === 0 ? running : target;
      const timing = await page.evaluate<UpdateTiming>(timeCardUpdateScript({ type: 'cardsChanged', updated: [next], removed: [], index: 'ready' }, target.path, next.run.state));
      assert.deepEqual(timing.touched, [target.path], 'no other card’s DOM changed');
      timings.push(timing);
    }
    const first = timings[0] as UpdateTiming;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    console.log(
      `      live update of one card (10 starts and stops): first ${first.ms.toFixed(1)} ms to the painted frame (${first.workMs.toFixed(1)} ms of work); ` +
        `median ${median(timings.map((t) => t.ms)).toFixed(1)} ms (${median(timings.map((t) => t.workMs)).toFixed(1)} ms of work), slowest ${Math.max(...timings.map((t) => t.ms)).toFixed(1)} ms (target ≤ 16 ms)`,
    );
    await view.send({ type: 'cardsChanged', updated: [running], removed: [], index: 'ready' } satisfies PortfolioMessage);
    const button = page.locator(`optimus-card-grid button.card[data-path="${target.path}"]`);
    await page.waitForFunction((el) => el?.getAttribute('data-run') === 'running', await button.elementHandle());
    assert.match((await button.getAttribute('aria-label')) ?? '', /Running · 43% CPU · 300 MB · :4321/);
    await page.locator('optimus-resources-chart tbody th', { hasText: target.name }).waitFor({ state: 'attached' });
  });

  it('adds and removes cards the host says changed, keeping the rest', async () => {
    const { page } = view;
    await view.send({ type: 'cards', cards: [card(), card({ path: '/p/blog', name: 'blog' })], index: 'ready' } satisfies PortfolioMessage);
    await page.locator('optimus-card-grid button.card').nth(1).waitFor();
    await view.send({ type: 'cardsChanged', updated: [card({ path: '/p/api', name: 'api' })], removed: ['/p/blog'], index: 'ready' } satisfies PortfolioMessage);
    await page.locator('optimus-card-grid button.card[data-path="/p/api"]').waitFor();
    assert.deepEqual(await page.locator('optimus-card-grid .name').allInnerTexts(), ['api', 'shop']);
  });

  it('asks the host to open a project when its card is clicked', async () => {
    const { page } = view;
    await view.send({ type: 'cards', cards: [card()], index: 'ready' } satisfies PortfolioMessage);
    await page.locator('optimus-card-grid button.card').click();
    assert.deepEqual(await view.waitForPosted('openProject'), { type: 'openProject', path: '/home/dev/projects/shop' });
  });

  it('shows the charts’ data as tables and names each chart for screen readers', async () => {
    const { page } = view;
    const cards = generatedCards(40);
    await view.send({ type: 'cards', cards, index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'activity', activity: generatedActivity(cards) } satisfies PortfolioMessage);
    for (const name of ['Health distribution', 'Languages', 'Commit activity']) {
      await page.getByRole('figure', { name }).waitFor();
    }
    await page.getByRole('img', { name: /Health distribution .* projects analyzed/ }).waitFor();
    await page.getByText('Show languages as a table').click();
    const rows = await page.locator('optimus-languages-chart tbody tr').allInnerTexts();
    assert.ok(rows.length >= 3, 'a row per language');
    await page.getByText('Show commit activity as a table').click();
    assert.equal(await page.locator('optimus-activity-heatmap table').first().locator('tbody tr').count(), 13, 'a row per month the window touches');
    await view.send({ type: 'activityFailed', message: 'The server is not running.' } satisfies PortfolioMessage);
    await page.getByText('Could not read it again: The server is not running.').waitFor();
    assert.ok((await page.locator('optimus-activity-heatmap rect.cell[data-i]').count()) > 0, 'the activity read before stays');
  });
});
