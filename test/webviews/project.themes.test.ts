import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ProjectMessage } from '../../webviews/project/protocol';
import { bundleSize } from './harness/bundle';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { header, RUNNING, SHOP, shopMessages, usage } from './harness/projectFixtures';
import { sendAll } from './harness/projectPage';
import { PORTFOLIO_THEMES } from './harness/portfolioThemes';
import { APPLY_THEME } from './harness/themes';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webviews');
const BUDGET_BYTES = 300 * 1024;

interface Colours {
  text: string;
  background: string;
  healthLine: string;
  worstSwatch: string;
  calmSwatch: string;
  tile: string;
  focusedTileStroke: string;
  error: string;
}

/** The colours the browser computed for the page's text and background, the trend's health line, the treemap's legend, a tile and an error mark. */
const COMPUTED_COLOURS = `(async () => {
  const app = document.querySelector('optimus-project');
  const trend = app.shadowRoot.querySelector('optimus-trend-chart').shadowRoot;
  const map = app.shadowRoot.querySelector('optimus-hotspot-treemap').shadowRoot;
  const findings = app.shadowRoot.querySelector('optimus-findings-list').shadowRoot;
  const tile = map.querySelector('rect.tile');
  tile.focus();
  const colours = {
    text: getComputedStyle(app).color,
    background: getComputedStyle(document.body).backgroundColor,
    healthLine: getComputedStyle(trend.querySelector('path.line-blue')).stroke,
    worstSwatch: getComputedStyle(map.querySelector('rect.swatch.cx-5')).fill,
    calmSwatch: getComputedStyle(map.querySelector('rect.swatch.cx-1')).fill,
    tile: getComputedStyle(tile).fill,
    focusedTileStroke: getComputedStyle(tile).stroke,
    error: getComputedStyle(findings.querySelector('.icon-error')).color,
  };
  tile.blur();
  return colours;
})()`;

describe('project detail in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;
  const seen: Colours[] = [];

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'project');
    await sendAll(view, shopMessages());
    await sendAll(view, [{ type: 'header', header: header({ run: RUNNING }) }, { type: 'usage', project: SHOP, samples: usage(40) }] satisfies ProjectMessage[]);
    await view.page.locator('optimus-hotspot-treemap rect.tile').first().waitFor();
    await view.page.locator('optimus-usage-sparkline path.line').first().waitFor();
  });
  after(async () => {
    assert.deepEqual(view.pageErrors, []);
    assert.deepEqual(await view.cspViolations(), []);
    await browser?.close();
  });

  for (const theme of PORTFOLIO_THEMES) {
    it(`draws the page with the ${theme.name} theme's colours (screenshot in test-artifacts/webviews/)`, async () => {
      const { page } = view;
      await page.evaluate(APPLY_THEME, theme);
      const colours = await page.evaluate<Colours>(COMPUTED_COLOURS);
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''));
      assert.equal(colours.background, rgb(theme.vars['--vscode-editor-background'] ?? ''));
      assert.equal(colours.healthLine, rgb(theme.vars['--vscode-charts-blue'] ?? ''), 'the health line is the theme’s blue');
      assert.equal(colours.worstSwatch, rgb(theme.vars['--vscode-charts-red'] ?? ''), 'the most complex band is the theme’s red');
      assert.equal(colours.calmSwatch, rgb(theme.vars['--vscode-charts-green'] ?? ''), 'the calmest band is the theme’s green');
      assert.equal(colours.focusedTileStroke, rgb(theme.vars['--vscode-contrastActiveBorder'] ?? theme.vars['--vscode-focusBorder'] ?? ''), 'the focused tile is outlined in the theme’s focus colour');
      assert.equal(colours.error, rgb(theme.vars['--vscode-errorForeground'] ?? ''));
      seen.push(colours);
      await page.screenshot({ path: path.join(ARTIFACTS, `project-${theme.name}.png`), fullPage: true });
    });
  }

  it('mixes each tile’s colour into the theme’s background, so tiles differ between themes', () => {
    assert.equal(seen.length, PORTFOLIO_THEMES.length);
    assert.equal(new Set(seen.map((c) => c.tile)).size, seen.length, seen.map((c) => c.tile).join(' | '));
  });

  it('ships a script within the 300 KB budget (size printed)', async () => {
    const size = await bundleSize('project');
    console.log(`      project.js: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
