import assert from 'node:assert/strict';
import { formatCpu } from '../../webviews/runtime/format';
import type { RuntimeMessage } from '../../webviews/runtime/protocol';
import type { WebviewPage } from './harness/consolePage';
import { usePagePerTest } from './harness/useWebviewPage';
import { container, crash, generatedRunning, historyOf, init, nextFigures, running, T0, view } from './harness/runtimeFixtures';
import { markedRowScript, markRowScript, timeLiveUpdateScript, type LiveTiming } from './harness/runtimePage';

const SHOP = '/home/dev/projects/shop';

describe('runtime monitor in Chromium, with a stand-in for the VS Code webview host', () => {
  let view_: WebviewPage;
  usePagePerTest('runtime', (v) => (view_ = v));

  it('says it is reading until the host answers, then shows each running project with its figures, ports and processes', async () => {
    const { page } = view_;
    assert.deepEqual(await view_.posted(), [{ type: 'ready' }]);
    await page.getByRole('status').filter({ hasText: 'Reading what runs…' }).waitFor();
    const blog = running({ path: '/home/dev/projects/blog', name: 'blog', cpuPercent: 3.2, memoryBytes: 120 * 1024 * 1024, ports: [], processes: [{ pid: 7, command: null }], startedByOptimus: false, containers: 2 });
    await view_.send(init(view({ running: [blog, running()] }), historyOf([blog, running()], 20, T0)));
    await page.getByText('2 running · 16% CPU · 420 MB memory').waitFor();
    assert.deepEqual(await page.locator('optimus-runtime-projects h3.name').allInnerTexts(), ['blog', 'shop']);
    const shop = page.locator(`optimus-runtime-projects li.row[data-path="${SHOP}"]`);
    await shop.getByRole('button', { name: 'Open http://localhost:3000 of shop in the browser' }).waitFor();
    assert.equal(await shop.locator('.origin').innerText(), 'started by Optimus');
    assert.equal(await page.locator('optimus-runtime-projects li.row').first().locator('.origin').innerText(), 'started outside Optimus · 2 containers');
    assert.equal(await page.locator('optimus-runtime-projects li.row').first().getByText('none open').count(), 1);
    await shop.getByText('2 processes').click();
    await shop.getByText('node /home/dev/projects/shop/node_modules/.bin/vite --port 5173').waitFor();
    assert.equal(await shop.locator('.pid').first().innerText(), 'pid 4101');
    await page.getByRole('img', { name: /^CPU of shop over the last 10 minutes: now \d+(\.\d)?%, highest \d+%$/ }).waitFor();
    await page.getByRole('img', { name: /^Memory of blog over the last 10 minutes: now \d+ MB, highest \d+ MB$/ }).waitFor();
    assert.equal(await page.locator('optimus-usage-chart[kind="cpu"] path.area').count(), 2, 'an area per project');
  });

  it('draws a live sample into the same rows and charts, without making a row again (median of 50 updates with 20 projects printed)', async () => {
    const { page } = view_;
    const projects = generatedRunning(20);
    await view_.send(init(view({ running: projects }), historyOf(projects, 120, T0)));
    const target = projects[4]?.path ?? '';
    await page.locator(`optimus-runtime-projects li.row[data-path="${target}"]`).waitFor();
    const before = await page.evaluate<string | null>(markRowScript(target));
    assert.ok(before && before.length > 100, 'a line drawn from the history');

    const timings: LiveTiming[] = [];
    for (let tick = 1; tick <= 50; tick++) {
      const message: RuntimeMessage = { type: 'update', at: T0 + tick * 5_000, view: view({ running: nextFigures(projects, tick) }) };
      const timing = await page.evaluate<LiveTiming>(timeLiveUpdateScript(message, target));
      assert.equal(timing.rowsChanged, false, 'no row was added or removed by a sample');
      timings.push(timing);
    }
    const after = await page.evaluate<{ sameRow: boolean; sameChart: boolean; d: string | null }>(markedRowScript(target));
    assert.equal(after.sameRow, true, 'the row element is the one drawn before the samples');
    assert.equal(after.sameChart, true, 'so is its chart');
    assert.notEqual(after.d, before);
    const last = nextFigures(projects, 50)[4];
    await page.getByRole('img', { name: `CPU of ${projects[4]?.name} over the last 10 minutes: now ${formatCpu(last?.cpuPercent ?? 0)}, highest 94%` }).waitFor();

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    console.log(
      `      live update, 20 running projects (50 samples): median ${median(timings.map((t) => t.ms)).toFixed(1)} ms from the host's message to the painted frame ` +
        `(${median(timings.map((t) => t.workMs)).toFixed(1)} ms of it the page's work), first ${timings[0]?.ms.toFixed(1)} ms, slowest ${Math.max(...timings.map((t) => t.ms)).toFixed(1)} ms (target ≤ 16 ms)`,
    );
  });

  it('adds a row for a project that starts and drops the row of one that stops, keeping the others', async () => {
    const { page } = view_;
    const [a, b, c] = generatedRunning(3) as [ReturnType<typeof running>, ReturnType<typeof running>, ReturnType<typeof running>];
    await view_.send(init(view({ running: [a, b] }), historyOf([a, b], 10, T0)));
    await page.locator(`optimus-runtime-projects li.row[data-path="${a.path}"]`).waitFor();
    await page.evaluate(markRowScript(a.path));
    await view_.send({ type: 'update', at: T0 + 5_000, view: view({ running: [a, c] }) } satisfies RuntimeMessage);
    await page.locator(`optimus-runtime-projects li.row[data-path="${c.path}"]`).waitFor();
    assert.deepEqual(await page.locator('optimus-runtime-projects h3.name').allInnerTexts(), [a.name, c.name]);
    assert.equal((await page.evaluate<{ sameRow: boolean }>(markedRowScript(a.path))).sameRow, true);
    await page.getByRole('status').filter({ hasText: '2 projects running' }).waitFor({ state: 'attached' });
  });

  it('asks the host to stop a project and to open a port, naming both', async () => {
    const { page } = view_;
    await view_.send(init(view(), historyOf([running()], 5, T0)));
    await page.getByRole('button', { name: 'Stop shop' }).click();
    assert.deepEqual(await view_.waitForPosted('stop'), { type: 'stop', path: SHOP });
    await page.getByRole('button', { name: 'Open http://localhost:5173 of shop in the browser' }).click();
    assert.deepEqual(await view_.waitForPosted('openPort'), { type: 'openPort', path: SHOP, port: 5173 });
  });

  it('shows what the host refused in plain words, until the next command', async () => {
    const { page } = view_;
    await view_.send(init(view(), []));
    await view_.send({ type: 'failed', message: 'shop does not listen on port 3000 any more.' } satisfies RuntimeMessage);
    await page.getByRole('alert').filter({ hasText: 'shop does not listen on port 3000 any more.' }).waitFor();
    await page.getByRole('button', { name: 'Stop shop' }).click();
    await page.getByRole('alert').waitFor({ state: 'detached' });
  });

  it('lists recent crashes, the exit and the command, with Diagnose and Show Output', async () => {
    const { page } = view_;
    const crashes = [crash(), crash({ path: '/home/dev/projects/api', name: 'api', exitCode: null, signal: 'SIGSEGV', command: 'cargo run', at: new Date(Date.now() - 2 * 3600_000).toISOString() })];
    await view_.send(init(view({ crashes }), []));
    await page.getByRole('heading', { name: 'Recent crashes' }).waitFor();
    const rows = page.locator('li.crash');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /blog\s+exit code 1\s+3 minutes ago\s+npm start/);
    assert.match(await rows.nth(1).innerText(), /api\s+ended by SIGSEGV\s+2 hours ago\s+cargo run/);
    await page.getByRole('button', { name: 'Diagnose why api crashed' }).click();
    assert.deepEqual(await view_.waitForPosted('diagnose'), { type: 'diagnose', path: '/home/dev/projects/api' });
    await page.getByRole('button', { name: "Show the output of blog's last run" }).click();
    assert.deepEqual(await view_.waitForPosted('showOutput'), { type: 'showOutput', path: '/home/dev/projects/blog' });
  });

  it('shows containers in a table, “reading” before they are read, and the engine’s reason when there is none', async () => {
    const { page } = view_;
    await view_.send(init(view({ containers: null }), []));
    await page.getByText('Reading containers…').waitFor();
    await view_.send({ type: 'update', at: T0 + 1, view: view({ containers: [container(), container({ id: 'beef', name: 'cache', image: 'redis:7', state: 'exited', ports: [], project: null })] }) } satisfies RuntimeMessage);
    const rows = page.locator('table.containers tbody tr');
    await rows.nth(1).waitFor();
    assert.deepEqual((await rows.nth(0).locator('th, td').allInnerTexts()).map((t) => t.trim()), ['shop-db-1', 'postgres:16', 'running', ':5432', 'shop']);
    assert.deepEqual((await rows.nth(1).locator('th, td').allInnerTexts()).map((t) => t.trim()), ['cache', 'redis:7', 'exited', '', '']);
    await view_.send({ type: 'update', at: T0 + 2, view: view({ containers: [], dockerProblem: 'no Docker or Podman socket at /var/run/docker.sock' }) } satisfies RuntimeMessage);
    await page.getByText('Containers are not shown: no Docker or Podman socket at /var/run/docker.sock.').waitFor();
    await view_.send({ type: 'update', at: T0 + 3, view: view({ detailsProblem: 'Optimus could not read the processes and containers: The server is not running.' }) } satisfies RuntimeMessage);
    await page.getByText('Optimus could not read the processes and containers: The server is not running.').waitFor();
  });

  it('shows “Nothing running” when nothing runs, whose button asks the host to start a project', async () => {
    const { page } = view_;
    await view_.send(init(view({ running: [] }), []));
    await page.getByRole('heading', { name: 'Nothing running' }).waitFor();
    assert.equal(await page.locator('header .totals').innerText(), 'Nothing running');
    assert.equal(await page.locator('optimus-runtime-projects').count(), 0, 'no empty list around nothing');
    await page.getByText('No containers.').waitFor();
    await page.getByRole('button', { name: 'Start a Project…' }).click();
    assert.deepEqual(await view_.waitForPosted('start'), { type: 'start' });
  });
});
