import assert from 'node:assert/strict';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerSuite } from './harness/useWebviewPage';
import { crash, generatedRunning, historyOf, init, T0, view } from './harness/runtimeFixtures';

/** The control with the keyboard focus, through the page's shadow roots: its label and the row it is in. */
const FOCUSED = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? { label: el.getAttribute('aria-label') ?? el.textContent.trim(), row: el.closest('li.row')?.dataset.path ?? null } : null;
})()`;

interface Focused {
  label: string;
  row: string | null;
}

describe('runtime monitor by keyboard only, with a stand-in for the VS Code webview host', () => {
  let view_: WebviewPage;
  const projects = generatedRunning(4);
  const [first, second, , last] = projects as [(typeof projects)[0], (typeof projects)[0], (typeof projects)[0], (typeof projects)[0]];
  const focused = () => view_.page.evaluate<Focused | null>(FOCUSED);

  usePagePerSuite('runtime', (v) => (view_ = v));
  before(async () => {
    await view_.send(init(view({ running: projects, crashes: [crash()] }), historyOf(projects, 20, T0)));
    await view_.page.getByText('4 running ·').waitFor();
  });

  it('Tab reaches the first Stop; Enter asks the host to stop that project', async () => {
    await view_.tabUntil((f) => f?.host === 'optimus-runtime-projects' && f.tag === 'vscode-button');
    assert.deepEqual(await focused(), { label: `Stop ${first.name}`, row: first.path });
    await view_.clearPosted();
    await view_.page.keyboard.press('Enter');
    assert.deepEqual(await view_.waitForPosted('stop'), { type: 'stop', path: first.path });
  });

  it('Tab goes on to the project’s port; Space asks the host to open it', async () => {
    await view_.page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { label: `Open http://localhost:${first.ports[0]} of ${first.name} in the browser`, row: first.path });
    await view_.page.keyboard.press('Space');
    assert.deepEqual(await view_.waitForPosted('openPort'), { type: 'openPort', path: first.path, port: first.ports[0] });
  });

  it('the arrow keys move to the same control of the next and previous row; End and Home to the last and first', async () => {
    const { keyboard } = view_.page;
    await keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { label: `Open http://localhost:${second.ports[0]} of ${second.name} in the browser`, row: second.path });
    await keyboard.press('End');
    assert.deepEqual((await focused())?.row, last.path);
    await keyboard.press('ArrowDown');
    assert.deepEqual((await focused())?.row, last.path, 'the last row keeps the focus');
    await keyboard.press('Home');
    assert.deepEqual(await focused(), { label: `Open http://localhost:${first.ports[0]} of ${first.name} in the browser`, row: first.path });
    await keyboard.press('Shift+Tab');
    await keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { label: `Stop ${second.name}`, row: second.path });
  });

  it('the processes open with Enter and stay open through a live update', async () => {
    const { page } = view_;
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { label: '1 process', row: second.path });
    await page.keyboard.press('Enter');
    const details = page.locator(`optimus-runtime-projects li.row[data-path="${second.path}"] details`);
    await page.waitForFunction((el) => (el as unknown as { open: boolean }).open, await details.elementHandle());
    await view_.send({ type: 'update', at: T0 + 5_000, view: view({ running: projects.map((p) => ({ ...p, cpuPercent: 55 })), crashes: [crash()] }) });
    await page.getByText('4 running · 220% CPU').waitFor();
    assert.equal(await details.evaluate((el) => (el as unknown as { open: boolean }).open), true);
    assert.deepEqual(await focused(), { label: '1 process', row: second.path }, 'the focus stays where it was');
  });

  it('Tab reaches a crash’s Diagnose; Enter asks the host to diagnose it', async () => {
    const diagnose = await view_.tabUntil((f) => f?.host === 'optimus-runtime' && f.tag === 'vscode-button');
    assert.equal(diagnose?.tag, 'vscode-button');
    assert.equal((await focused())?.label, 'Diagnose why blog crashed');
    await view_.page.keyboard.press('Enter');
    assert.deepEqual(await view_.waitForPosted('diagnose'), { type: 'diagnose', path: '/home/dev/projects/blog' });
  });
});
