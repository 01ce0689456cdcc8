import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import { bundleSize } from './harness/bundle';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { generatedActivity, generatedCards } from './harness/portfolioFixtures';
import { PORTFOLIO_THEMES } from './harness/portfolioThemes';
import { APPLY_THEME } from './harness/themes';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webviews');
const BUDGET_BYTES = 300 * 1024;
/** The colours the browser computed for the page's text, its background, a health bar and a busiest heatmap day. */
const COMPUTED_COLOURS = `(() => {
  const app = document.querySelector('optimus-portfolio');
  const bar = app.shadowRoot.querySelector('optimus-health-chart').shadowRoot.querySelector('rect.bar-good');
  const day = app.shadowRoot.querySelector('optimus-activity-heatmap').shadowRoot.querySelector('rect.heat-4');
  return { text: getComputedStyle(app).color, background: getComputedStyle(document.body).backgroundColor, good: getComputedStyle(bar).fill, busiest: getComputedStyle(day).fill };
})()`;

describe('portfolio in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'portfolio');
    const cards = generatedCards(24);
    await view.send({ type: 'cards', cards, index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'activity', activity: generatedActivity(cards) } satisfies PortfolioMessage);
    await view.page.getByText(/commits in the last 12 months/).waitFor();
  });
  after(async () => {
    assert.deepEqual(view.pageErrors, []);
    assert.deepEqual(await view.cspViolations(), []);
    await browser?.close();
  });

  for (const theme of PORTFOLIO_THEMES) {
    it(`draws cards and charts with the ${theme.name} theme's colours (screenshot in test-artifacts/webviews/)`, async () => {
      const { page } = view;
      await page.evaluate(APPLY_THEME, theme);
      const colours = await page.evaluate<{ text: string; background: string; good: string; busiest: string }>(COMPUTED_COLOURS);
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''));
      assert.equal(colours.background, rgb(theme.vars['--vscode-editor-background'] ?? ''));
      assert.equal(colours.good, rgb(theme.vars['--vscode-charts-green'] ?? ''), 'chart bars take the theme’s chart colours');
      assert.equal(colours.busiest, rgb(theme.vars['--vscode-charts-green'] ?? ''), 'the busiest days take the theme’s green');
      await page.screenshot({ path: path.join(ARTIFACTS, `portfolio-${theme.name}.png`), fullPage: true });
    });
  }

  it('ships a script within the 300 KB budget (size printed)', async () => {
    const size = await bundleSize('portfolio');
    console.log(`      portfolio.js: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
