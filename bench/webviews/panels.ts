/**
 * The panels' measures in Chromium, each run beside its floor (bench/webviews/floorPage.ts) so both see the same
 * noise. The pages, the stand-in host, the fixtures and the in-page timing scripts are the webview tests' own
 * (test/webviews/harness); what is timed is what those tests print, repeated for a median.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Browser } from 'playwright-core';
import { WebviewPage } from '../../test/webviews/harness/consolePage';
import { PROJECTS, SHOP as MONEY_SHOP, shopAtRate80, shopView, view as moneyView } from '../../test/webviews/harness/moneyFixtures';
import { money, timeFiguresUpdateScript } from '../../test/webviews/harness/moneyPage';
import { generatedCards } from '../../test/webviews/harness/portfolioFixtures';
import { timeCardsPaintedScript, timeCardUpdateScript, type Timing, type UpdateTiming } from '../../test/webviews/harness/portfolioTiming';
import { detail, generatedFiles, SHOP as PROJECT_SHOP, shopMessages } from '../../test/webviews/harness/projectFixtures';
import { sendAll, timeTreemapPaintedScript, type PaintTiming } from '../../test/webviews/harness/projectPage';
import { generatedRunning, historyOf, init, nextFigures, T0, view as runtimeView } from '../../test/webviews/harness/runtimeFixtures';
import { timeLiveUpdateScript, type LiveTiming } from '../../test/webviews/harness/runtimePage';
import type { MoneyInfo } from '../../webviews/money/moneyInfo';
import type { MoneyMessage } from '../../webviews/money/protocol';
import type { PortfolioMessage } from '../../webviews/portfolio/protocol';
import type { ProjectMessage } from '../../webviews/project/protocol';
import type { RuntimeMessage } from '../../webviews/runtime/protocol';
import { snapshotScript, type FloorPage, type Snapshot } from './floorPage';

export interface Measured {
  /** The panel: message posted → frame painted, and the page's own work in it when the harness script gives it. */
  panel: Array<{ ms: number; workMs: number | null }>;
  /** The floor, one per panel run, taken right after it. */
  floor: Timing[];
  /** Elements and text nodes of the panel's DOM that the floor shows as plain HTML. */
  nodes: number;
  /** What the measure found beside its times (tiles drawn, …). */
  notes: Record<string, number>;
}

const settled = (view: WebviewPage): Promise<void> =>
  view.page.evaluate<void>('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))');

/** A page that threw, broke its CSP or asked for a foreign file would make its figures meaningless: stop there. */
async function assertClean(view: WebviewPage, app: string): Promise<void> {
  const csp = await view.cspViolations();
  const problems = [...view.pageErrors.map((e) => `error: ${e}`), ...csp.map((c) => `CSP: ${c}`), ...view.foreignRequests.map((r) => `request: ${r}`)];
  if (problems.length > 0) throw new Error(`the ${app} page did not run cleanly: ${problems.join('; ')}`);
}

async function snapshot(view: WebviewPage, selector: string): Promise<Snapshot> {
  return view.page.evaluate<Snapshot>(snapshotScript(selector));
}

/**
 * The Portfolio opened with 200 projects: a fresh page each run, which says `ready`; the host answers with the
 * 200 cards; timed to the frame painted with all of them (portfolio.flow.test.ts prints one such run). The floor
 * page shows the DOM the panel had before (its "looking" state) and, on the same message, the DOM it drew.
 */
export async function portfolioOpen(browser: Browser, floor: FloorPage, runs: number): Promise<Measured> {
  const message: PortfolioMessage = { type: 'cards', cards: generatedCards(200), index: 'ready' };
  const panel: Measured['panel'] = [];
  const floors: Timing[] = [];
  let before: Snapshot | null = null;
  let after: Snapshot | null = null;
  for (let i = 0; i < runs; i++) {
    const view = await WebviewPage.open(browser, 'portfolio');
    try {
      await settled(view);
      before ??= await snapshot(view, 'optimus-portfolio');
      panel.push(await view.page.evaluate<Timing>(timeCardsPaintedScript(message, 200)));
      if (!after) {
        after = await snapshot(view, 'optimus-portfolio');
        await floor.keep(after.html);
      }
      await assertClean(view, 'portfolio');
    } finally {
      await view.close();
    }
    await floor.show(before.html);
    floors.push(await floor.replaceWith(message));
  }
  return { panel, floor: floors, nodes: after?.nodes ?? 0, notes: { nodesBefore: before?.nodes ?? 0 } };
}

/**
 * One card's live update in a Portfolio of 200: the same project started and stopped in turn (the first update,
 * cold code, counted with the others), each timed to the painted frame; only that card's DOM may change. The
 * floor page holds the same 200 cards as plain HTML and, on the same message, changes one text.
 */
export async function portfolioCardUpdate(browser: Browser, floor: FloorPage, runs: number): Promise<Measured> {
  const cards = generatedCards(200);
  const view = await WebviewPage.open(browser, 'portfolio');
  try {
    await view.page.evaluate<Timing>(timeCardsPaintedScript({ type: 'cards', cards, index: 'ready' } satisfies PortfolioMessage, 200));
    await settled(view);
    const shown = await snapshot(view, 'optimus-portfolio');
    await floor.show(shown.html);
    const target = cards.find((c) => c.run.state === 'stopped');
    if (!target) throw new Error('the generated portfolio has no stopped project');
    const started = { ...target, run: { state: 'running' as const, cpuPercent: 42.5, memoryBytes: 300 * 1024 * 1024, ports: [4321] } };
    const panel: Measured['panel'] = [];
    const floors: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      const next = i % 2 === 0 ? started : target;
      const message: PortfolioMessage = { type: 'cardsChanged', updated: [next], removed: [], index: 'ready' };
      const timing = await view.page.evaluate<UpdateTiming>(timeCardUpdateScript(message, target.path, next.run.state));
      if (!isDeepStrictEqual(timing.touched, [target.path])) throw new Error(`a live update of one card changed the DOM of ${JSON.stringify(timing.touched)}`);
      panel.push({ ms: timing.ms, workMs: timing.workMs });
      floors.push(await floor.changeOneText(message));
    }
    await assertClean(view, 'portfolio');
    return { panel, floor: floors, nodes: shown.nodes, notes: {} };
  } finally {
    await view.close();
  }
}

/**
 * The Runtime monitor with 20 running projects and 10 minutes of history: one sample after another, each timed
 * to the frame painted with a project's chart redrawn (runtime.flow.test.ts prints the median of 50); no row may
 * be made again. The floor page holds the same monitor as plain HTML and, on the same message, changes one text.
 */
export async function runtimeLiveUpdate(browser: Browser, floor: FloorPage, runs: number): Promise<Measured> {
  const projects = generatedRunning(20);
  const target = projects[4]?.path ?? '';
  const view = await WebviewPage.open(browser, 'runtime');
  try {
    await view.send(init(runtimeView({ running: projects }), historyOf(projects, 120, T0)));
    await view.page.locator(`optimus-runtime-projects li.row[data-path="${target}"]`).waitFor();
    await settled(view);
    const shown = await snapshot(view, 'optimus-runtime');
    await floor.show(shown.html);
    const panel: Measured['panel'] = [];
    const floors: Timing[] = [];
    for (let tick = 1; tick <= runs; tick++) {
      const message: RuntimeMessage = { type: 'update', at: T0 + tick * 5_000, view: runtimeView({ running: nextFigures(projects, tick) }) };
      const timing = await view.page.evaluate<LiveTiming>(timeLiveUpdateScript(message, target));
      if (timing.rowsChanged) throw new Error('a live sample added or removed a row of the monitor');
      panel.push({ ms: timing.ms, workMs: timing.workMs });
      floors.push(await floor.changeOneText(message));
    }
    await assertClean(view, 'runtime');
    return { panel, floor: floors, nodes: shown.nodes, notes: {} };
  } finally {
    await view.close();
  }
}

/**
 * The Project detail's treemap of 2,000 files: a fresh page each run gets the host's messages up to the detail,
 * then the detail is timed from posting to the first frame painted with tiles (project.flow.test.ts prints one
 * such run). The floor page shows the DOM the panel had before the detail and, on the same message, the DOM it
 * drew with it.
 */
export async function projectTreemap(browser: Browser, floor: FloorPage, runs: number): Promise<Measured> {
  const d = detail({ files: generatedFiles(2000) });
  const message: ProjectMessage = { type: 'detail', project: PROJECT_SHOP, ref: 11, detail: d };
  const panel: Measured['panel'] = [];
  const floors: Timing[] = [];
  let before: Snapshot | null = null;
  let after: Snapshot | null = null;
  let tiles = 0;
  for (let i = 0; i < runs; i++) {
    const view = await WebviewPage.open(browser, 'project');
    try {
      const [first, ...rest] = shopMessages(d, 11);
      await sendAll(view, [first, ...rest.filter((m) => m.type !== 'detail')]);
      await view.page.getByRole('heading', { name: 'shop', level: 1 }).waitFor();
      await settled(view);
      before ??= await snapshot(view, 'optimus-project');
      const timing = await view.page.evaluate<PaintTiming>(timeTreemapPaintedScript(message));
      panel.push({ ms: timing.ms, workMs: null });
      tiles = timing.tiles;
      if (!after) {
        await settled(view);
        after = await snapshot(view, 'optimus-project');
        await floor.keep(after.html);
      }
      await assertClean(view, 'project');
    } finally {
      await view.close();
    }
    await floor.show(before.html);
    floors.push(await floor.replaceWith(message));
  }
  return { panel, floor: floors, nodes: after?.nodes ?? 0, notes: { tiles, nodesBefore: before?.nodes ?? 0 } };
}

/**
 * The Money view after a rate change: the user types a rate and presses Enter (the page posts `setRate` and says
 * it is saving), the host answers with the view at that rate, timed from posting it to the frame painted with the
 * new labour figure (money.flow.test.ts prints one such run); 80 and 50 in turn. The floor page holds the same
 * dashboard as plain HTML and, on the same message, changes one text.
 */
export async function moneyRateChange(browser: Browser, floor: FloorPage, runs: number): Promise<Measured> {
  const view = await WebviewPage.open(browser, 'money');
  try {
    await sendAll(view, [PROJECTS, { type: 'loading', project: MONEY_SHOP } satisfies MoneyMessage, moneyView(shopView())]);
    await view.page.getByRole('heading', { name: 'Return on investment' }).waitFor();
    await settled(view);
    const shown = await snapshot(view, 'optimus-money');
    await floor.show(shown.html);
    const panel: Measured['panel'] = [];
    const floors: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      const [rate, info, labour]: [string, MoneyInfo, string] = i % 2 === 0 ? ['80', shopAtRate80(), '3,400'] : ['50', shopView(), '2,125'];
      await view.clearPosted();
      await money.rateInput(view).fill(rate);
      await money.rateInput(view).press('Enter');
      await view.waitForPosted('setRate');
      const message = moneyView(info);
      panel.push({ ms: await view.page.evaluate<number>(timeFiguresUpdateScript(message, labour)), workMs: null });
      floors.push(await floor.changeOneText(message));
    }
    await assertClean(view, 'money');
    return { panel, floor: floors, nodes: shown.nodes, notes: {} };
  } finally {
    await view.close();
  }
}
