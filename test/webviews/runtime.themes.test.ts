import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleSize } from './harness/bundle';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { PORTFOLIO_THEMES } from './harness/portfolioThemes';
import { container, crash, generatedRunning, historyOf, init, T0, view } from './harness/runtimeFixtures';
import { lineStrokeScript } from './harness/runtimePage';
import { APPLY_THEME } from './harness/themes';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webviews');
const BUDGET_BYTES = 300 * 1024;
const COLOURS = `(() => {
  const app = document.querySelector('optimus-runtime');
  const area = app.shadowRoot.querySelector('optimus-runtime-projects').shadowRoot.querySelector('optimus-usage-chart').shadowRoot.querySelector('path.area');
  return { text: getComputedStyle(app).color, background: getComputedStyle(document.body).backgroundColor, areaOpacity: getComputedStyle(area).fillOpacity };
})()`;

describe('runtime monitor in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view_: WebviewPage;
  const projects = generatedRunning(3);

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    view_ = await WebviewPage.open(browser, 'runtime');
    await view_.send(init(view({ running: projects, containers: [container()], crashes: [crash()] }), historyOf(projects, 80, T0)));
    await view_.page.getByText('3 running ·').waitFor();
  });
  after(async () => {
    assert.deepEqual(view_.pageErrors, []);
    assert.deepEqual(await view_.cspViolations(), []);
    await browser?.close();
  });

  for (const theme of PORTFOLIO_THEMES) {
    it(`draws rows and charts with the ${theme.name} theme's colours (screenshot in test-artifacts/webviews/)`, async () => {
      const { page } = view_;
      await page.evaluate(APPLY_THEME, theme);
      const colours = await page.evaluate<{ text: string; background: string; areaOpacity: string }>(COLOURS);
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''));
      assert.equal(colours.background, rgb(theme.vars['--vscode-editor-background'] ?? ''));
      const path0 = projects[0]?.path ?? '';
      assert.equal(await page.evaluate(lineStrokeScript(path0, 'cpu')), rgb(theme.vars['--vscode-charts-blue'] ?? ''), 'CPU in the theme’s blue');
      assert.equal(await page.evaluate(lineStrokeScript(path0, 'memory')), rgb(theme.vars['--vscode-charts-purple'] ?? ''), 'memory in the theme’s purple');
      // High contrast draws lines, not tints: a tint can fall below the contrast the theme promises.
      assert.equal(colours.areaOpacity, theme.name === 'high-contrast' ? '0' : '0.25');
      await page.screenshot({ path: path.join(ARTIFACTS, `runtime-${theme.name}.png`), fullPage: true });
    });
  }

  it('ships a script within the 300 KB budget (size printed)', async () => {
    const size = await bundleSize('runtime');
    console.log(`      runtime.js: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
