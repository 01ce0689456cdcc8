import assert from 'node:assert/strict';
import { visibleCards } from '../../webviews/portfolio/cardQuery';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerSuite } from './harness/useWebviewPage';
import { CARD_NAMES_SCRIPT, FOCUSED_CARD_SCRIPT } from './harness/portfolioFocus';
import { generatedActivity, generatedCards } from './harness/portfolioFixtures';
import { waitFor } from './harness/waitFor';

const SAVED_STATE = `JSON.parse(sessionStorage.getItem('optimus-webview-state') ?? 'null')`;

describe('portfolio across hide and show, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;

  usePagePerSuite('portfolio', (v) => (view = v));

  it('comes back from getState as it was left: cards, activity, search, sort and the focused card', async () => {
    const { page } = view;
    const cards = generatedCards(40);
    await view.send({ type: 'cards', cards, index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'activity', activity: generatedActivity(cards) } satisfies PortfolioMessage);
    await page.locator('vscode-textfield input').fill('api');
    await page.locator('optimus-portfolio-toolbar vscode-single-select').last().click();
    await page.locator('optimus-portfolio-toolbar vscode-single-select').last().locator('li', { hasText: 'Last activity' }).click();
    const shown = visibleCards(cards, { query: 'api', stack: null, run: 'all', sort: 'activity' });
    await waitFor(async () => JSON.stringify(await page.evaluate<string[]>(CARD_NAMES_SCRIPT)) === JSON.stringify(shown.map((c) => c.name)), 'the api projects, latest first');
    await page.locator(`optimus-card-grid button.card[data-path="${shown[1]?.path}"]`).focus();
    // setState waits for idle time after the change; VS Code keeps what was last saved.
    await waitFor(async () => (await page.evaluate<{ focused?: string } | null>(SAVED_STATE))?.focused === shown[1]?.path, 'the state to be saved');

    // VS Code destroys a hidden webview and loads it afresh when shown again; the host has not answered yet.
    await view.reload();
    await waitFor(async () => JSON.stringify(await page.evaluate<string[]>(CARD_NAMES_SCRIPT)) === JSON.stringify(shown.map((c) => c.name)), 'the same cards before the host sends any');
    assert.equal(await page.locator('vscode-textfield input').inputValue(), 'api');
    await page.getByText(/commits in the last 12 months/).waitFor();
    await page.getByRole('status').filter({ hasText: `Showing ${shown.length} of 40 projects` }).waitFor();
    await page.locator('optimus-card-grid button.card').first().waitFor();
    assert.equal(await page.locator(`optimus-card-grid button.card[tabindex="0"]`).getAttribute('data-path'), shown[1]?.path, 'the tab stop is on the card focused before');
    assert.equal(await page.evaluate<string | null>(FOCUSED_CARD_SCRIPT), null, 'showing the panel does not move the focus by itself');
  });
});
