import assert from 'node:assert/strict';
import { NEXT_ACTION_LIMITS } from '../../webviews/project/nextActions';
import type { ProjectMessage } from '../../webviews/project/protocol';
import type { WebviewPage } from './harness/consolePage';
import { HOSTILE, nextAction, shopActions } from './harness/nextActionsFixtures';
import { SHOP, shopMessages } from './harness/projectFixtures';
import { sendAll } from './harness/projectPage';
import { usePagePerSuite } from './harness/useWebviewPage';
import { waitFor } from './harness/waitFor';

const HUGE = 'x'.repeat(NEXT_ACTION_LIMITS.why + 1);
const list = 'optimus-next-actions';
const lists = (actions: unknown): unknown => ({ type: 'nextActions', project: SHOP, actions });

/** Next-actions messages a broken or hostile host could send; the page must act on none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['an unknown message type', { type: 'runNextAction', project: SHOP, command: 'optimus.backup' }],
  ['a list that is not a list', lists('all of them')],
  ['an item with a huge why', lists([nextAction({ why: HUGE })])],
  ['an item with a huge title', lists([nextAction({ title: 'x'.repeat(NEXT_ACTION_LIMITS.text + 1) })])],
  ['an item with a huge id', lists([nextAction({ id: 'x'.repeat(NEXT_ACTION_LIMITS.id + 1) })])],
  ['an item whose action is unknown', lists([nextAction({ action: 'deleteProject' as never })])],
  ['an item whose impact is unknown', lists([nextAction({ impact: 'critical' as never })])],
  ['an item whose effort is a number', lists([nextAction({ effort: 3 as never })])],
  ['two items with one id', lists([nextAction(), nextAction()])],
  ['too many items', lists(Array.from({ length: NEXT_ACTION_LIMITS.items + 1 }, (_, i) => nextAction({ id: `i:${i}` })))],
  ['a list without its project', { type: 'nextActions', actions: shopActions() }],
  ['a failure with a huge message', { type: 'nextActionsFailed', project: SHOP, message: 'x'.repeat(NEXT_ACTION_LIMITS.message + 1) }],
  ['an end with no id', { type: 'nextActionDone', project: SHOP }],
];

describe('project detail next actions against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let view: WebviewPage;
  usePagePerSuite('project', (v) => (view = v));

  it('drops each with a log line, keeps the list it showed, and still works after', async () => {
    const { page } = view;
    await sendAll(view, [...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    await page.locator(`${list} li`).nth(4).waitFor();
    const logged = view.consoleLines.length;
    for (const [, message] of HOSTILE_MESSAGES) await view.send(message);
    await waitFor(() => view.consoleLines.length - logged >= HOSTILE_MESSAGES.length, 'a warning per dropped message');
    const warnings = view.consoleLines.slice(logged);
    assert.equal(warnings.filter((l) => l.startsWith('warning: [optimus project] dropped a host message outside the protocol')).length, HOSTILE_MESSAGES.length, warnings.join('\n'));
    assert.deepEqual(await page.locator(`${list} li .title`).allInnerTexts(), shopActions().map((a) => a.title), 'what was shown stays');
    assert.equal(await page.getByRole('alert').count(), 0);
    await view.send({ type: 'nextActions', project: SHOP, actions: [] } satisfies ProjectMessage);
    await page.locator(list).getByText('Nothing to do here right now.').waitFor();
  });

  it('shows script-like titles, reasons and messages as text', async () => {
    const { page } = view;
    const script = '<script>window.__pwned=2</script>';
    const xss = nextAction({ id: `${HOSTILE}:id`, title: `Back up ${HOSTILE}`, why: `Because ${script}`, projectName: HOSTILE });
    await view.send({ type: 'nextActions', project: SHOP, actions: [xss] } satisfies ProjectMessage);
    await page.locator(list).getByText(`Back up ${HOSTILE}`, { exact: true }).waitFor();
    await page.locator(list).getByText(`Because ${script}`, { exact: true }).waitFor();
    await view.send({ type: 'nextActionsFailed', project: SHOP, message: `Server said ${HOSTILE}` } satisfies ProjectMessage);
    await page.locator(list).getByRole('alert').filter({ hasText: `Server said ${HOSTILE}` }).waitFor();
    assert.equal(await page.locator(`${list} img, ${list} script`).count(), 0, 'no element was made from the markup');
    assert.equal(await view.pwned(), false);
    // The id goes back to the host as it came, as data: the host looks it up, it never runs it.
    await view.clearPosted();
    await page.locator(`${list} vscode-button`).click();
    assert.deepEqual(await view.waitForPosted('nextAction'), { type: 'nextAction', project: SHOP, id: `${HOSTILE}:id` });
  });
});
