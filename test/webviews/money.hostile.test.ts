import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { MoneyInfo } from '../../webviews/money/moneyInfo';
import { launchChromium, WebviewPage } from './harness/consolePage';
import { HOSTILE, PROJECTS, SHOP, shopView, view } from './harness/moneyFixtures';
import { money } from './harness/moneyPage';
import { waitFor } from './harness/waitFor';

const HUGE = 'x'.repeat(2_000_000);
const base = shopView();
const withFigures = (figures: Partial<MoneyInfo['figures']>) => view(shopView({ figures: { ...base.figures, ...figures } }));
const withHours = (hours: Partial<MoneyInfo['hours']>) => view(shopView({ hours: { ...base.hours, ...hours } }));
const entry = (id: number): MoneyInfo['entries'][number] => ({ id, direction: 'cost', name: `Entry ${id}`, amount: 1, kind: 'monthly', since: '2024-01-01' });

/** Messages a broken or hostile host could send; the page must draw none of them. */
const HOSTILE_MESSAGES: Array<[string, unknown]> = [
  ['a string', 'view'],
  ['null', null],
  ['an array', [view(base)]],
  ['an unknown type', { type: 'runShell', command: 'rm -rf ~' }],
  ['a view without its fields', { type: 'view', project: SHOP, view: { path: SHOP, name: 'Half a view' } }],
  ['a view filed under another project', { type: 'view', project: '/elsewhere', view: base }],
  ['NaN labour', withFigures({ labour: Number.NaN })],
  ['negative costs', withFigures({ costsToDate: -30 })],
  ['infinite revenue', withFigures({ revenueToDate: Number.POSITIVE_INFINITY })],
  ['a huge amount invested', withFigures({ invested: 1e300 })],
  ['a return below -100%', withFigures({ roi: -5 })],
  ['a NaN payback', withFigures({ paybackMonths: Number.NaN })],
  ['negative hours', withHours({ hours: -1 })],
  ['fractional commits', withHours({ commits: 1.5 })],
  ['months out of order', withHours({ byMonth: [{ month: '2024-02', hours: 1 }, { month: '2024-01', hours: 1 }] })],
  ['months ten thousand years apart', withHours({ byMonth: [{ month: '0001-01', hours: 1 }, { month: '9999-12', hours: 1 }] })],
  ['a month that is no month', withHours({ byMonth: [{ month: '2024-13', hours: 1 }] })],
  ['a negative hourly rate', view(shopView({ hourlyRate: -50 }))],
  ['an hourly rate past the server’s bound', view(shopView({ hourlyRate: 5_000_000 }))],
  ['10,000 entries', view(shopView({ entries: Array.from({ length: 10_000 }, (_, i) => entry(i + 1)) }))],
  ['an entry with a negative amount', view(shopView({ entries: [{ ...entry(1), amount: -5 }] }))],
  ['an entry dated 30 February', view(shopView({ entries: [{ ...entry(1), since: '2024-02-30' }] }))],
  ['an entry of an unknown kind', view(shopView({ entries: [{ ...entry(1), kind: 'weekly' as never }] }))],
  ['a confidence of 62', view(shopView({ opportunities: [{ ...(base.opportunities[0] as MoneyInfo['opportunities'][number]), confidence: 62 }] }))],
  ['negative npm downloads', view(shopView({ market: { state: 'on', npm: { package: 'x', weeklyDownloads: -1, monthlyDownloads: 0, fetchedAt: '2025-01-01T00:00:00Z' }, github: null, notes: [] } }))],
  ['a market in an unknown state', view(shopView({ market: { state: 'maybe' } as never }))],
  ['a huge name', view(shopView({ name: HUGE }))],
  ['projects that are not a list', { type: 'projects', projects: { path: '/x', name: 'x' }, indexing: false }],
  ['a failure with a huge message', { type: 'failed', message: HUGE }],
];

/** Every string the page shows, carrying markup. */
function hostileView(): MoneyInfo {
  const v = shopView();
  return {
    ...v,
    name: `shop ${HOSTILE}`,
    typeEvidence: [`evidence ${HOSTILE}`],
    hours: { ...v.hours, authors: [{ name: `Author ${HOSTILE}`, email: `<script>window.__pwned=2</script>@x`, hours: 1, commits: 1 }] },
    entries: [{ id: 1, direction: 'cost', name: `Cost ${HOSTILE}`, amount: 5, kind: 'monthly', since: '2024-01-15' }],
    opportunities: [{ model: 'saas-subscription', title: `Model ${HOSTILE}`, confidence: 0.5, signals: [`Signal ${HOSTILE}`], gaps: [`Gap ${HOSTILE}`] }],
    market: { state: 'on', npm: null, github: null, notes: [`Market note ${HOSTILE}`] },
    notes: [`Note ${HOSTILE}`],
  };
}

describe('Money dashboard against hostile host messages, with a stand-in for the VS Code webview host', () => {
  let browser: Browser;
  let page: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    page = await WebviewPage.open(browser, 'money');
  });
  after(async () => {
    await browser?.close();
  });

  it('drops each with a log line, keeps the figures it showed, and still works after', async () => {
    await page.send(PROJECTS);
    await page.send({ type: 'loading', project: SHOP });
    await page.send(view(base));
    await page.page.getByRole('heading', { name: 'Return on investment' }).waitFor();
    const logged = page.consoleLines.length;

    for (const [, message] of HOSTILE_MESSAGES) await page.send(message);
    const dropped = () => page.consoleLines.slice(logged).filter((l) => l.includes('dropped a host message outside the protocol'));
    await waitFor(() => dropped().length >= HOSTILE_MESSAGES.length, `a log line for each of the ${HOSTILE_MESSAGES.length} dropped messages`);
    // A valid message sent last is handled after every hostile one before it: nothing was acted on meanwhile.
    await page.send({ type: 'projects', projects: [{ path: SHOP, name: 'shop' }, { path: '/p/marker', name: 'marker' }], indexing: false });
    await page.page.locator('optimus-project-picker vscode-option', { hasText: 'marker' }).waitFor({ state: 'attached' });
    assert.equal(dropped().length, HOSTILE_MESSAGES.length);
    assert.ok(dropped().every((l) => l.length < 200), 'the log line names the message, it does not copy it');

    assert.deepEqual(page.pageErrors, []);
    assert.equal(await money.figure(page, 'labour').innerText(), '2,125');
    assert.equal(await money.figure(page, 'hours').innerText(), '42.5 h');
    assert.equal(await money.entries(page).count(), 2);
    assert.equal(await page.page.getByText('Half a view').count(), 0);
    assert.doesNotMatch(await page.page.locator('optimus-money').innerText(), /NaN|Infinity|e\+300/);

    await page.send(view(shopView({ figures: { ...base.figures, labour: 999 } })));
    await waitFor(async () => (await money.figure(page, 'labour').innerText()) === '999', 'the next valid view');
  });

  it('shows names, notes and reasons with markup as text, never as HTML', async () => {
    await page.send(view(hostileView()));
    for (const text of [`Cost ${HOSTILE}`, `Model ${HOSTILE}`, `Signal ${HOSTILE}`, `Gap ${HOSTILE}`, `Market note ${HOSTILE}`, `Note ${HOSTILE}`, `Author ${HOSTILE}`, '<script>window.__pwned=2</script>@x']) {
      await page.page.getByText(text).first().waitFor({ state: 'attached' });
    }
    assert.equal(await page.page.getByRole('button', { name: `Remove cost Cost ${HOSTILE}` }).count(), 1);
    assert.equal(await page.page.locator('img').count(), 0, 'no element was made from the strings');
    assert.equal(await page.page.locator('optimus-money-view script').count(), 0);
    assert.equal(await page.pwned(), false);
  });

  it('draws the largest view the protocol takes: 1,000 entries, 200 authors, a century of months (time printed)', async () => {
    const months = Array.from({ length: 1_200 }, (_, i) => ({ month: `${1925 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, hours: i % 7 }));
    const authors = Array.from({ length: 200 }, (_, i) => ({ name: `Author ${i}`, email: `a${i}@example.com`, hours: 1, commits: 1 }));
    const opportunity = base.opportunities[0] as MoneyInfo['opportunities'][number];
    const largest = shopView({
      entries: Array.from({ length: 1_000 }, (_, i) => entry(i + 1)),
      hours: { ...base.hours, byMonth: months, authors, otherAuthors: 9_800 },
      opportunities: Array.from({ length: 50 }, (_, i) => ({ ...opportunity, model: `model-${i}`, title: `Model ${i}` })),
    });
    const ms = await page.page.evaluate<number>(`(async () => {
      const t0 = performance.now();
      window.postMessage(${JSON.stringify(view(largest))}, '*');
      const view = () => document.querySelector('optimus-money').shadowRoot.querySelector('optimus-money-view')?.shadowRoot;
      const entries = () => view()?.querySelector('optimus-money-entries')?.shadowRoot?.querySelectorAll('li.entry').length ?? 0;
      while (entries() !== 1000 && performance.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(undefined); }));
      return performance.now() - t0;
    })()`);
    console.log(`      largest view (1,000 entries, 200 authors, 1,200 months, 50 models): posted → painted in ${ms.toFixed(0)} ms`);
    assert.equal(await money.bars(page).count(), 36, 'the chart draws the last 36 months');
    assert.equal(await page.page.locator('optimus-hours-chart table tbody tr').count(), 1_200, 'the table lists every month');
    await page.page.getByText('and 9,800 more').waitFor();
    assert.equal(await money.cards(page).count(), 50);
  });

  it('ignores saved state of an unknown shape and starts empty', async () => {
    await page.page.evaluate(() => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('optimus-webview-state', JSON.stringify({ project: 42, view: 'nope' })));
    await page.reload();
    assert.deepEqual(await page.posted(), [{ type: 'ready', project: null }]);
    await page.page.getByText('Loading…', { exact: true }).waitFor();
    assert.ok(page.consoleLines.some((l) => l.includes('ignored saved state of an unknown shape')));
    assert.deepEqual(page.pageErrors, []);
  });
});
