import assert from 'node:assert/strict';
import type { ProjectMessage } from '../../webviews/project/protocol';
import { bundleSize } from './harness/bundle';
import type { WebviewPage } from './harness/consolePage';
import { nextActionColoursScript, rgb, type NextActionColours } from './harness/nextActionsPage';
import { shopActions } from './harness/nextActionsFixtures';
import { PORTFOLIO_THEMES } from './harness/portfolioThemes';
import { SHOP, shopMessages } from './harness/projectFixtures';
import { sendAll } from './harness/projectPage';
import { APPLY_THEME } from './harness/themes';
import { usePagePerSuite } from './harness/useWebviewPage';

const BUDGET_BYTES = 300 * 1024;

describe('project detail next actions in light, dark and high-contrast themes, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  const seen: NextActionColours[] = [];
  usePagePerSuite('project', (v) => (view = v));

  before(async () => {
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }, { type: 'nextActionsFailed', project: SHOP, message: 'The server is not running.' }] satisfies ProjectMessage[]);
    await view.page.locator('optimus-next-actions .error').waitFor();
  });

  for (const theme of PORTFOLIO_THEMES) {
    it(`colours the list from the ${theme.name} theme’s variables`, async () => {
      await view.page.evaluate(APPLY_THEME, theme);
      const colours = await view.page.evaluate<NextActionColours>(nextActionColoursScript('optimus-project'));
      const warning = rgb(theme.vars['--vscode-editorWarning-foreground'] ?? theme.vars['--vscode-charts-yellow'] ?? '');
      assert.equal(colours.text, rgb(theme.vars['--vscode-foreground'] ?? ''), 'a badge’s words are the theme’s text colour');
      assert.equal(colours.highBorder, warning, 'high impact is outlined in the theme’s warning colour');
      assert.equal(colours.highDot, warning);
      assert.equal(colours.mediumDot, rgb(theme.vars['--vscode-charts-blue'] ?? ''));
      assert.equal(colours.error, rgb(theme.vars['--vscode-errorForeground'] ?? ''));
      seen.push(colours);
    });
  }

  it('changes the high-impact colour with the theme', () => {
    assert.equal(seen.length, PORTFOLIO_THEMES.length);
    assert.equal(new Set(seen.map((c) => c.highDot)).size, seen.length, seen.map((c) => c.highDot).join(' | '));
  });

  it('ships a script within the 300 KB budget (size printed)', async () => {
    const size = await bundleSize('project');
    console.log(`      project.js with Next actions: ${(size / 1024).toFixed(1)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUDGET_BYTES);
  });
});
