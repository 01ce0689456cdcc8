import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { LIMITS, type PortfolioMessage } from '../../webviews/portfolio/protocol';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { card, generatedActivity, generatedCards, HOSTILE, hostileCard } from './harness/portfolioFixtures';
import { waitFor } from './harness/waitFor';

const HUGE = 'x'.repeat(LIMITS.text + 1);

/** Messages a broken or hostile host could send; the page must act on none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['a string', 'cards'],
  ['null', null],
  ['an array', [{ type: 'cards', cards: [], index: 'ready' }]],
  ['an unknown type', { type: 'runShell', command: 'rm -rf ~' }],
  ['cards without an index state', { type: 'cards', cards: [card({ name: 'intruder' })] }],
  ['a card without its fields', { type: 'cards', cards: [{ path: '/p/half', name: 'Half a card' }], index: 'ready' }],
  ['a card with a huge name', { type: 'cards', cards: [card({ name: HUGE })], index: 'ready' }],
  ['a card with health over 100', { type: 'cardsChanged', updated: [card({ health: 101 })], removed: [], index: 'ready' }],
  ['a card with a run state it does not know', { type: 'cardsChanged', updated: [card({ run: { state: 'exploded', cpuPercent: 0, memoryBytes: 0, ports: [] } as never })], removed: [], index: 'ready' }],
  ['a card with a port out of range', { type: 'cardsChanged', updated: [card({ run: { state: 'running', cpuPercent: 1, memoryBytes: 1, ports: [70_000] } })], removed: [], index: 'ready' }],
  ['a card with a NaN CPU', { type: 'cardsChanged', updated: [card({ run: { state: 'running', cpuPercent: Number.NaN, memoryBytes: 1, ports: [] } })], removed: [], index: 'ready' }],
  ['a stack tag id with markup', { type: 'cardsChanged', updated: [card({ stack: [{ id: '<b>', label: 'b', kind: 'language' }] })], removed: [], index: 'ready' }],
  ['a removal that is not a list', { type: 'cardsChanged', updated: [], removed: '/home/dev/projects/shop', index: 'ready' }],
  ['too many cards', { type: 'cards', cards: Array.from({ length: LIMITS.projects + 1 }, (_, i) => card({ path: `/p/${i}` })), index: 'ready' }],
  ['activity with a day that is not a date', { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: [{ date: 'yesterday', commits: 3 }], byProject: [], failed: 0 } }],
  ['activity whose window ends before it starts', { type: 'activity', activity: { from: '2025-12-31', to: '2025-01-01', days: [], byProject: [], failed: 0 } }],
  ['activity with negative commits', { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: [{ date: '2025-02-02', commits: -4 }], byProject: [], failed: 0 } }],
  ['a failure with a huge message', { type: 'activityFailed', message: HUGE }],
];

describe('portfolio against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view = await WebviewPage.open(browser, 'portfolio');
  });
  after(async () => {
    await browser?.close();
  });

  it('drops each with a log line, keeps what it showed, and still works after', async () => {
    const { page } = view;
    const cards = generatedCards(12);
    await view.send({ type: 'cards', cards, index: 'ready' } satisfies PortfolioMessage);
    await view.send({ type: 'activity', activity: generatedActivity(cards) } satisfies PortfolioMessage);
    await page.getByRole('status').filter({ hasText: '12 projects' }).waitFor();
    const logged = view.consoleLines.length;

    for (const [, message] of HOSTILE_MESSAGES) await view.send(message);
    const dropped = () => view.consoleLines.slice(logged).filter((l) => l.includes('dropped a host message outside the protocol'));
    await waitFor(() => dropped().length >= HOSTILE_MESSAGES.length, `a log line for each of the ${HOSTILE_MESSAGES.length} dropped messages`);
    // A valid message sent last is handled after every hostile one before it: nothing was acted on meanwhile.
    await view.send({ type: 'cardsChanged', updated: [card({ path: '/p/marker', name: 'marker' })], removed: [], index: 'ready' } satisfies PortfolioMessage);
    await page.locator('optimus-card-grid button.card[data-path="/p/marker"]').waitFor();
    assert.equal(dropped().length, HOSTILE_MESSAGES.length);
    assert.ok(dropped().every((l) => l.length < 200), 'the log line names the message, it does not copy it');
    assert.deepEqual(view.pageErrors, []);
    assert.equal(await page.locator('optimus-card-grid button.card').count(), 13, 'the 12 cards and the marker, nothing else');
    assert.equal(await page.getByText('Half a card').count(), 0);
    assert.equal(await page.getByText('intruder').count(), 0);
    assert.ok((await page.locator('optimus-activity-heatmap rect.cell[data-i]').count()) >= 365, 'the activity shown before stays');
  });

  it('shows strings with markup as text, never as HTML', async () => {
    const { page } = view;
    await view.send({ type: 'cards', cards: [hostileCard()], index: 'ready' } satisfies PortfolioMessage);
    await page.locator('optimus-card-grid .name', { hasText: `name ${HOSTILE}` }).waitFor();
    await page.getByText(`in parent ${HOSTILE}`).waitFor();
    await page.getByText(`branch ${HOSTILE}`).waitFor();
    assert.match((await page.locator('optimus-card-grid button.card').getAttribute('aria-label')) ?? '', /name <img src=x onerror="window\.__pwned=1">/);
    assert.equal(await page.locator('img').count(), 0, 'no element was made from the strings');
    assert.equal(await view.pwned(), false);
  });

  it('ignores saved state of an unknown shape and starts empty', async () => {
    const { page } = view;
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('optimus-webview-state', JSON.stringify({ view: { query: 42 }, cards: 'all of them' })));
    await view.reload();
    await page.getByText('Looking for projects…').waitFor();
    assert.ok(view.consoleLines.some((l) => l.includes('ignored saved state of an unknown shape')));
    assert.deepEqual(view.pageErrors, []);
  });
});
