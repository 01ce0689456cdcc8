import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { LIMITS, type RuntimeMessage } from '../../webviews/runtime/protocol';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { container, crash, generatedRunning, historyOf, HOSTILE, init, running, T0, view } from './harness/runtimeFixtures';
import { waitFor } from './harness/waitFor';

const HUGE = 'x'.repeat(LIMITS.text + 1);
const update = (v: unknown, at: unknown = T0 + 1) => ({ type: 'update', at, view: v });

/** Messages a broken or hostile host could send; the page must act on none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['a string', 'update'],
  ['null', null],
  ['an array', [update(view())]],
  ['an unknown type', { type: 'runShell', command: 'rm -rf ~' }],
  ['an update without a time', { type: 'update', view: view({ running: [running({ name: 'intruder' })] }) }],
  ['an update from 1970', update(view({ running: [running({ name: 'intruder' })] }), 5)],
  ['a project without its fields', update({ ...view(), running: [{ path: '/p/half', name: 'Half a project' }] })],
  ['a project with a huge name', update(view({ running: [running({ name: HUGE })] }))],
  ['a project with a NaN CPU', update(view({ running: [running({ name: 'intruder', cpuPercent: Number.NaN })] }))],
  ['a project with negative memory', update(view({ running: [running({ name: 'intruder', memoryBytes: -1 })] }))],
  ['a port out of range', update(view({ running: [running({ name: 'intruder', ports: [70_000] })] }))],
  ['a port that is a URL', update(view({ running: [running({ name: 'intruder', ports: ['evil.example:80' as never] })] }))],
  ['too many processes', update(view({ running: [running({ name: 'intruder', processes: Array.from({ length: LIMITS.processes + 1 }, (_, pid) => ({ pid, command: 'x' })) })] }))],
  ['a command over the bound', update(view({ running: [running({ name: 'intruder', processes: [{ pid: 1, command: 'c'.repeat(LIMITS.command + 1) }] })] }))],
  ['one project twice', update(view({ running: [running({ name: 'intruder' }), running({ name: 'intruder' })] }))],
  ['a container without an image', update(view({ containers: [{ ...container({ name: 'intruder' }), image: undefined as never }] }))],
  ['a crash at a time that is not one', update(view({ crashes: [crash({ name: 'intruder', at: 'yesterday' })] }))],
  ['an init with samples out of order', init(view(), [{ path: '/home/dev/projects/shop', samples: [{ at: T0, cpuPercent: 1, memoryBytes: 1 }, { at: T0 - 1, cpuPercent: 1, memoryBytes: 1 }] }])],
  ['an init with too many samples', init(view(), historyOf([running()], LIMITS.samples + 1, T0, 1_000))],
  ['an init with a window of a week', { ...init(view(), []), windowMs: 7 * 24 * 3600_000 }],
  ['a failure with a huge message', { type: 'failed', message: HUGE }],
];

describe('runtime monitor against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view_: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view_ = await WebviewPage.open(browser, 'runtime');
  });
  after(async () => {
    await browser?.close();
  });

  it('drops each with a log line, keeps what it showed, and still works after', async () => {
    const { page } = view_;
    const projects = generatedRunning(3);
    await view_.send(init(view({ running: projects, crashes: [crash()] }), historyOf(projects, 30, T0)));
    await page.getByText('3 running ·').waitFor();
    const logged = view_.consoleLines.length;

    for (const [, message] of HOSTILE_MESSAGES) await view_.send(message);
    const dropped = () => view_.consoleLines.slice(logged).filter((l) => l.includes('dropped a host message outside the protocol'));
    await waitFor(() => dropped().length >= HOSTILE_MESSAGES.length, `a log line for each of the ${HOSTILE_MESSAGES.length} dropped messages`);
    // A valid message sent last is handled after every hostile one before it: nothing was acted on meanwhile.
    const marker = running({ path: '/p/marker', name: 'marker' });
    await view_.send({ type: 'update', at: T0 + 5_000, view: view({ running: [...projects, marker], crashes: [crash()] }) } satisfies RuntimeMessage);
    await page.locator('optimus-runtime-projects li.row[data-path="/p/marker"]').waitFor();
    assert.equal(dropped().length, HOSTILE_MESSAGES.length);
    assert.ok(dropped().every((l) => l.length < 200), 'the log line names the message, it does not copy it');
    assert.deepEqual(view_.pageErrors, []);
    assert.deepEqual(await page.locator('optimus-runtime-projects h3.name').allInnerTexts(), [...projects.map((p) => p.name), 'marker']);
    assert.equal(await page.getByText('intruder').count(), 0);
    assert.equal(await page.getByText('Half a project').count(), 0);
    assert.equal(await page.locator('li.crash').count(), 1, 'the crash shown before stays');
  });

  it('shows strings with markup as text, never as HTML', async () => {
    const { page } = view_;
    const evil = running({ path: `/p/${HOSTILE}`, name: `name ${HOSTILE}`, processes: [{ pid: 1, command: `cmd ${HOSTILE}` }] });
    await view_.send(init(view({ running: [evil], containers: [container({ name: `box ${HOSTILE}`, image: `img ${HOSTILE}`, project: `proj ${HOSTILE}` })], crashes: [crash({ name: `crashed ${HOSTILE}`, command: `run ${HOSTILE}` })] }), historyOf([evil], 5, T0)));
    await page.locator('optimus-runtime-projects h3.name', { hasText: `name ${HOSTILE}` }).waitFor();
    await page.getByRole('button', { name: `Stop name ${HOSTILE}` }).waitFor();
    await page.getByRole('img', { name: new RegExp(`^CPU of name <img`) }).waitFor();
    for (const text of [`box ${HOSTILE}`, `img ${HOSTILE}`, `proj ${HOSTILE}`, `crashed ${HOSTILE}`, `run ${HOSTILE}`]) await page.getByText(text).waitFor();
    await view_.send({ type: 'failed', message: `refused ${HOSTILE}` } satisfies RuntimeMessage);
    await page.getByRole('alert').filter({ hasText: `refused ${HOSTILE}` }).waitFor();
    assert.equal(await page.locator('img').count(), 0, 'no element was made from the strings');
    assert.equal(await view_.pwned(), false);
  });

  it('ignores saved state of an unknown shape and starts reading afresh', async () => {
    const { page } = view_;
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('optimus-webview-state', JSON.stringify({ view: { running: 'all of them' }, history: [], at: null, windowMs: 600000, error: null })));
    await view_.reload();
    await page.getByText('Reading what runs…').waitFor();
    assert.ok(view_.consoleLines.some((l) => l.includes('ignored saved state of an unknown shape')));
    assert.deepEqual(view_.pageErrors, []);
  });
});
