import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleSize } from './harness/bundle';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { PROJECTS, SHOP, shopView, view } from './harness/moneyFixtures';
import { PORTFOLIO_THEMES } from './harness/portfolioThemes';
import { APPLY_THEME } from './harness/themes';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webviews');
const BUDGET_BYTES = 300 * 1024;
/** The colours the browser computed for the page's text, its background, an hours bar and a loss. */
const COMPUTED_COLOURS = `(() => {
  const app = document.querySelector('optimus-money');
  const view = app.shadowRoot.querySelector('optimus-money-view').shadowRoot;
  const bar = view.querySelector('optimus-hours-chart').shadowRoot.querySelector('rect.bar');
  const roi = view.querySelector('optimus-roi-figures').shadowRoot.querySelector('[data-figure="roi"] dd');
  return { text: getComputedStyle(app).color, background: getComputedStyle(document.body).backgroundColor, bar: getComputedStyle(bar).fill, barStroke: getComputedStyle(bar).stroke, loss: getComputedStyle(roi).color };
})()`;

describe('Money dashboard in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let page: WebviewPage;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await WebviewPage.open(browser, 'money');
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(shopView({ market: { state: 'on', npm: null, github: { repo: 'dev/shop', stars: 120, forks: 4, watchers: 3, openIssues: 2, pushedAt: '2025-01-01T00:00:00Z', archived: false, fetchedAt: '2025-01-02T00:00:00Z' }, notes: ['No package name in package.json: npm was not asked.'] } })));
    await page.page.getByRole('heading', { name: 'Return on investment' }).waitFor();
  });
  after(async () => {
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(await page.cspViolations(), []);
    await browser?.close();
  });

  for (const theme of PORTFOLIO_THEMES) {
    it(`draws with the ${theme.name} theme's colours (screenshot in test-artifacts/webviews/)`, async () => {
      const { page: p } = page;
      await p.evaluate(APPLY_THEME, theme);
      const colours = await p.evaluate<{ text: string; background: string; bar: string; barStroke: string; loss: string }>(COMPUTED_COLOURS);
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''));
      assert.equal(colours.background, rgb(theme.vars['--vscode-editor-background'] ?? ''));
      assert.equal(colours.bar, rgb(theme.vars['--vscode-charts-blue'] ?? ''), 'the bars take the theme’s chart blue');
      assert.equal(colours.loss, rgb(theme.vars['--vscode-errorForeground'] ?? ''), 'a negative return takes the theme’s error colour');
      if (theme.name === 'high-contrast') assert.equal(colours.barStroke, rgb(theme.vars['--vscode-contrastBorder'] ?? ''), 'high contrast outlines the bars');
      else assert.equal(colours.barStroke, 'none');
      await p.screenshot({ path: path.join(ARTIFACTS, `money-${theme.name}.png`), fullPage: true });
    });
  }

  it('ships a script within the 300 KB budget (size printed)', async () => {
    const size = await bundleSize('money');
    console.log(`      money.js: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
