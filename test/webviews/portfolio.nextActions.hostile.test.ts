import assert from 'node:assert/strict';
import { NEXT_ACTION_LIMITS } from '../../webviews/project/nextActions';
import { LIMITS, type PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { WebviewPage } from './harness/consolePage';
import { HOSTILE, nextAction, portfolioActions } from './harness/nextActionsFixtures';
import { generatedCards } from './harness/portfolioFixtures';
import { usePagePerSuite } from './harness/useWebviewPage';
import { waitFor } from './harness/waitFor';

const list = 'optimus-next-actions';
const lists = (actions: unknown): unknown => ({ type: 'nextActions', actions });

/** Next-actions messages a broken or hostile host could send; the page must act on none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['an unknown message type', { type: 'runCommand', command: 'optimus.backup', args: ['/'] }],
  ['a ninth item', lists(portfolioActions(LIMITS.nextActions + 1))],
  ['an item with a huge why', lists([nextAction({ why: 'x'.repeat(NEXT_ACTION_LIMITS.why + 1) })])],
  ['an item with a huge project name', lists([nextAction({ projectName: 'x'.repeat(NEXT_ACTION_LIMITS.text + 1) })])],
  ['an item without a project path', lists([nextAction({ projectPath: '' })])],
  ['an item whose action is unknown', lists([nextAction({ action: 'format-disk' as never })])],
  ['an item whose impact is unknown', lists([nextAction({ impact: 'HIGH' as never })])],
  ['two items with one id', lists([nextAction(), nextAction()])],
  ['a failure with a huge message', { type: 'nextActionsFailed', message: 'x'.repeat(NEXT_ACTION_LIMITS.message + 1) }],
  ['a refusal with a huge message', { type: 'failed', message: 'x'.repeat(LIMITS.message + 1) }],
  ['an end with a numeric id', { type: 'nextActionDone', id: 7 }],
];

describe('portfolio next actions against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerSuite('portfolio', (v) => (view = v));

  before(async () => {
    await view.send({ type: 'cards', cards: generatedCards(6), index: 'ready' } satisfies PortfolioMessage);
  });

  it('drops each with a log line, keeps the list it showed, and still works after', async () => {
    const { page } = view;
    await view.send({ type: 'nextActions', actions: portfolioActions() } satisfies PortfolioMessage);
    await page.locator(`${list} li`).nth(7).waitFor();
    const logged = view.consoleLines.length;
    for (const [, message] of HOSTILE_MESSAGES) await view.send(message);
    await waitFor(() => view.consoleLines.length - logged >= HOSTILE_MESSAGES.length, 'a warning per dropped message');
    const warnings = view.consoleLines.slice(logged);
    assert.equal(warnings.filter((l) => l.startsWith('warning: [optimus portfolio] dropped a host message outside the protocol')).length, HOSTILE_MESSAGES.length, warnings.join('\n'));
    assert.deepEqual(await page.locator(`${list} li .title`).allInnerTexts(), portfolioActions().map((a) => a.title), 'what was shown stays');
    assert.equal(await page.getByRole('alert').count(), 0);
    await view.send({ type: 'nextActions', actions: [] } satisfies PortfolioMessage);
    await page.locator(list).getByText('Nothing to do across your projects right now.').waitFor();
  });

  it('shows script-like names, titles and messages as text, and opens the project by the path it was sent', async () => {
    const { page } = view;
    const path = `/home/dev/${HOSTILE}`;
    const xss = nextAction({ id: `stale:${path}`, projectPath: path, projectName: `name ${HOSTILE}`, title: `Decide about ${HOSTILE}`, why: '<script>window.__pwned=2</script>', action: 'open' });
    await view.send({ type: 'nextActions', actions: [xss] } satisfies PortfolioMessage);
    await page.locator(list).getByText(`name ${HOSTILE}`, { exact: true }).waitFor();
    await page.locator(list).getByText('<script>window.__pwned=2</script>', { exact: true }).waitFor();
    await view.send({ type: 'failed', message: `Refused ${HOSTILE}` } satisfies PortfolioMessage);
    await page.getByRole('alert').filter({ hasText: `Refused ${HOSTILE}` }).waitFor();
    assert.equal(await page.locator('optimus-portfolio img, optimus-next-actions img, optimus-next-actions script').count(), 0, 'no element was made from the markup');
    assert.equal(await view.pwned(), false);
    await view.clearPosted();
    await page.locator(`${list} button.text`).click();
    assert.deepEqual(await view.waitForPosted('openProject'), { type: 'openProject', path });
  });
});
