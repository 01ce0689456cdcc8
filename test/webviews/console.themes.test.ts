import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleSize } from './harness/bundle';
import { ERROR_TEXT, historyRow, INIT, portDiagnosis } from './harness/consoleFixtures';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { APPLY_THEME, THEMES } from './harness/themes';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webviews');
const BUDGET_BYTES = 300 * 1024;
/** The console's text colour and the page's background as the browser computed them. */
const COMPUTED_COLOURS = `({
  text: getComputedStyle(document.querySelector('optimus-console')).color,
  background: getComputedStyle(document.body).backgroundColor,
})`;

describe('troubleshooting console in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'console');
    await view.send(INIT);
    await view.page.locator('vscode-textarea textarea').fill(ERROR_TEXT);
    await view.send({ type: 'diagnosis', diagnosis: portDiagnosis() });
    await view.send({ type: 'history', project: null, rows: [historyRow(), historyRow({ id: 40, diagnosis: 'node-module-not-found', excerpt: "Error: Cannot find module 'express'", feedback: 1, outcomes: [{ fix: 'command:npm install', outcome: 'ok', exitCode: 0 }] })] });
    await view.page.getByRole('heading', { name: 'Port already in use' }).waitFor();
  });
  after(async () => {
    assert.deepEqual(view.pageErrors, []);
    assert.deepEqual(await view.cspViolations(), []);
    await browser?.close();
  });

  for (const theme of THEMES) {
    it(`draws with the ${theme.name} theme's colours (screenshot in test-artifacts/webviews/)`, async () => {
      const { page } = view;
      await page.evaluate(APPLY_THEME, theme);
      const colours = await page.evaluate<{ text: string; background: string }>(COMPUTED_COLOURS);
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''));
      assert.equal(colours.background, rgb(theme.vars['--vscode-editor-background'] ?? ''));
      await page.screenshot({ path: path.join(ARTIFACTS, `console-${theme.name}.png`), fullPage: true });
    });
  }

  it('ships a script within the 300 KB budget', async () => {
    const size = await bundleSize('console');
    console.log(`      console.js: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
