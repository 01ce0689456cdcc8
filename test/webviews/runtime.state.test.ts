import assert from 'node:assert/strict';
import type { RuntimeMessage } from '../../webviews/runtime/protocol';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerSuite } from './harness/useWebviewPage';
import { crash, generatedRunning, historyOf, init, T0, view } from './harness/runtimeFixtures';
import { markRowScript } from './harness/runtimePage';
import { waitFor } from './harness/waitFor';

const SAVED_STATE = `JSON.parse(sessionStorage.getItem('optimus-webview-state') ?? 'null')`;
const CPU_LINES = `[...document.querySelector('optimus-runtime').shadowRoot.querySelector('optimus-runtime-projects')?.shadowRoot.querySelectorAll('optimus-usage-chart[kind="cpu"]') ?? []].map((c) => c.shadowRoot.querySelector('path.line')?.getAttribute('d') ?? null)`;

describe('runtime monitor across hide and show, with a stand-in for the VS Code webview host', () => {
  let view_: WebviewPage;
  const projects = generatedRunning(3);
  usePagePerSuite('runtime', (v) => (view_ = v));

  it('comes back from getState with its rows and charts as they were, before the host answers', async () => {
    const { page } = view_;
    await view_.send(init(view({ running: projects, crashes: [crash()] }), historyOf(projects, 40, T0)));
    for (let tick = 1; tick <= 3; tick++) await view_.send({ type: 'update', at: T0 + tick * 5_000, view: view({ running: projects, crashes: [crash()] }) } satisfies RuntimeMessage);
    await waitFor(async () => (await page.evaluate<{ at?: number } | null>(SAVED_STATE))?.at === T0 + 15_000, 'the state with the last sample to be saved');
    const lines = await page.evaluate<Array<string | null>>(CPU_LINES);
    assert.equal(lines.length, 3);
    assert.ok(lines.every((d) => d !== null && d.length > 50), 'every chart drawn');

    // VS Code destroys a hidden webview and loads it afresh when shown again; the host has not answered yet.
    await view_.reload();
    assert.deepEqual(await view_.posted(), [{ type: 'ready' }]);
    await page.locator('optimus-runtime-projects li.row').nth(2).waitFor();
    assert.deepEqual(await page.evaluate<Array<string | null>>(CPU_LINES), lines, 'the same charts as before it was hidden');
    await page.getByText('blog').waitFor();
  });

  it('draws the whole history the host sends on `ready` in the rows it restored', async () => {
    const { page } = view_;
    const before = await page.evaluate<string | null>(markRowScript(projects[0]?.path ?? ''));
    // The host kept sampling while the page was hidden: its history now reaches further.
    await view_.send(init(view({ running: projects }), historyOf(projects, 60, T0 + 60_000), T0 + 60_000));
    await waitFor(async () => (await page.evaluate<Array<string | null>>(CPU_LINES))[0] !== before, 'the first chart drawn from the new history');
    assert.equal(await page.locator('li.crash').count(), 0, 'a crash the host no longer lists is gone');
    assert.equal(await page.evaluate(`window.__markedRow?.isConnected`), true, 'the restored row was kept, not made again');
  });

  it('forgets the history of a project that stopped, so a restart starts a clean chart', async () => {
    const { page } = view_;
    const [a, b, c] = projects as [(typeof projects)[0], (typeof projects)[0], (typeof projects)[0]];
    await view_.send({ type: 'update', at: T0 + 65_000, view: view({ running: [a, c] }) } satisfies RuntimeMessage);
    await page.locator(`optimus-runtime-projects li.row[data-path="${b.path}"]`).waitFor({ state: 'detached' });
    await view_.send({ type: 'update', at: T0 + 70_000, view: view({ running: [a, b, c] }) } satisfies RuntimeMessage);
    await waitFor(async () => ((await page.evaluate<{ history: Array<{ path: string; samples: unknown[] }> } | null>(SAVED_STATE))?.history.find((h) => h.path === b.path)?.samples.length ?? 0) === 1, 'one sample of the restarted project saved');
    assert.equal((await page.evaluate<{ history: Array<{ path: string; samples: unknown[] }> }>(SAVED_STATE)).history.find((h) => h.path === a.path)?.samples.length, 62, 'the others keep theirs');
  });
});
