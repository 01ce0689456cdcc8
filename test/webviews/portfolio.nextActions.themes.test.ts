import assert from 'node:assert/strict';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import { bundleSize } from './harness/bundle';
import type { WebviewPage } from './harness/consolePage';
import { nextActionColoursScript, rgb, type NextActionColours } from './harness/nextActionsPage';
import { portfolioActions } from './harness/nextActionsFixtures';
import { generatedCards } from './harness/portfolioFixtures';
import { PORTFOLIO_THEMES } from './harness/portfolioThemes';
import { APPLY_THEME } from './harness/themes';
import { usePagePerSuite } from './harness/useWebviewPage';

const BUDGET_BYTES = 300 * 1024;

describe('portfolio next actions in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  const seen: NextActionColours[] = [];
  usePagePerSuite('portfolio', (v) => (view = v));

  before(async () => {
    await view.send({ type: 'cards', cards: generatedCards(6), index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'nextActions', actions: portfolioActions() } satisfies PortfolioMessage);
    await view.send({ type: 'nextActionsFailed', message: 'The server is not running.' } satisfies PortfolioMessage);
    await view.page.locator('optimus-next-actions .error').waitFor();
  });

  for (const theme of PORTFOLIO_THEMES) {
    it(`colours the list from the ${theme.name} theme’s variables`, async () => {
      await view.page.evaluate(APPLY_THEME, theme);
      const colours = await view.page.evaluate<NextActionColours>(nextActionColoursScript('optimus-portfolio'));
      const warning = rgb(theme.vars['--vscode-editorWarning-foreground'] ?? theme.vars['--vscode-charts-yellow'] ?? '');
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''));
      assert.equal(colours.highBorder, warning);
      assert.equal(colours.highDot, warning);
      assert.equal(colours.mediumDot, rgb(theme.vars['--vscode-charts-blue'] ?? ''));
      assert.equal(colours.error, rgb(theme.vars['--vscode-errorForeground'] ?? ''));
      seen.push(colours);
    });
  }

  it('changes the high-impact colour with the theme', () => {
    assert.equal(new Set(seen.map((c) => c.highDot)).size, PORTFOLIO_THEMES.length, seen.map((c) => c.highDot).join(' | '));
  });

  it('ships a script within the 300 KB budget (size printed)', async () => {
    const size = await bundleSize('portfolio');
    console.log(`      portfolio.js with Next actions: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});
