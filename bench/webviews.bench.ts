/**
 * The webview panels' figures against issue 7's targets: each panel's script ≤ 300 KB minified; the Portfolio
 * with 200 projects painted ≤ 300 ms after it opens (its `ready` answered with the cards); a live update ≤ 16 ms.
 * Besides those, the Project detail's treemap of 2,000 files and the Money view after a rate change. The
 * production bundles are built once into a temp folder and loaded in Debian's Chromium (headless, through
 * playwright-core) exactly as the webview tests load them: the same HTML and CSP, the stand-in host, the same
 * fixtures and in-page timing scripts (test/webviews/harness). Every time is a median, beside a floor measured in
 * the same run, right after each panel run: a blank page of the same Chromium that gets the same message and
 * shows the same DOM as plain HTML (bench/webviews/floorPage.ts), because absolute times drift on a small
 * noisy machine. Script sizes are put beside lit alone, minified. Nothing fails on timing.
 *
 *   node --import tsx bench/webviews.bench.ts            the table
 *   node --import tsx bench/webviews.bench.ts --json     one JSON document
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/webviews/harness/consolePage';
import { evaluate, table, type Row } from './report';
import { median, round } from './stats';
import { FloorPage } from './webviews/floorPage';
import { moneyRateChange, portfolioCardUpdate, portfolioOpen, projectTreemap, runtimeLiveUpdate, type Measured } from './webviews/panels';
import { buildBundlesQuietly, litAloneBytes, SCRIPT_BUDGET_BYTES, scriptSizes } from './webviews/sizes';

/** Fresh pages (a Portfolio opened, a Project detail filled): each costs a page load. */
const OPEN_RUNS = 7;
/** Updates into one page. */
const UPDATE_RUNS = 21;

const kb = (bytes: number): number => round(bytes / 1024, 1);

interface Summary {
  ms: number;
  workMs: number | null;
  first: number;
  slowest: number;
  floorMs: number;
  floorWorkMs: number;
}

function summarize(m: Measured): Summary {
  const ms = m.panel.map((t) => t.ms);
  const work = m.panel.map((t) => t.workMs).filter((w): w is number => w !== null);
  return {
    ms: median(ms),
    workMs: work.length > 0 ? median(work) : null,
    first: ms[0] ?? NaN,
    slowest: Math.max(...ms),
    floorMs: median(m.floor.map((f) => f.ms)),
    floorWorkMs: median(m.floor.map((f) => f.workMs)),
  };
}

/** The row of a measure and, when the harness script gives it, the row of the page's own work in it. */
function timeRows(measure: string, s: Summary, floorName: string, target?: number): Row[] {
  const rows: Row[] = [{ measure, value: round(s.ms, 1), unit: 'ms', ...(target === undefined ? {} : { target: { max: target, on: 'value' as const } }), floor: { name: floorName, value: round(s.floorMs, 1) } }];
  if (s.workMs !== null) rows.push({ measure: "  of it, the page's work (script, DOM, frame)", value: round(s.workMs, 1), unit: 'ms', floor: { name: "the floor page's work", value: round(s.floorWorkMs, 1) } });
  return rows;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const loadStart = os.loadavg();
  let browser: Browser | null = null;
  let bundles: string | null = null;
  try {
    log('building the production bundles into a temp folder');
    bundles = await buildBundlesQuietly();
    const sizes = await scriptSizes();
    const litBytes = await litAloneBytes();

    browser = await launchChromium();
    const floor = await FloorPage.open(browser);
    log(`Portfolio opened with 200 projects, ${OPEN_RUNS} fresh pages`);
    const open = await portfolioOpen(browser, floor, OPEN_RUNS);
    log(`Portfolio, one card's live update, ${UPDATE_RUNS} times`);
    const card = await portfolioCardUpdate(browser, floor, UPDATE_RUNS);
    log(`Runtime monitor, 20 running projects, ${UPDATE_RUNS} live samples`);
    const runtime = await runtimeLiveUpdate(browser, floor, UPDATE_RUNS);
    log(`Project detail, treemap of 2,000 files, ${OPEN_RUNS} fresh pages`);
    const treemap = await projectTreemap(browser, floor, OPEN_RUNS);
    log(`Money, rate changed ${UPDATE_RUNS} times`);
    const money = await moneyRateChange(browser, floor, UPDATE_RUNS);
    const frameMs = await floor.frameIntervalMs();
    await floor.close();
    const chromium = browser.version();
    const loadEnd = os.loadavg();

    const s = { open: summarize(open), card: summarize(card), runtime: summarize(runtime), treemap: summarize(treemap), money: summarize(money) };
    const oneText = (m: Measured): string => `same message, 1 text changed in ${m.nodes} plain nodes`;
    const rows: Row[] = [
      ...sizes.map((z): Row => ({ measure: `${z.app}.js, minified, KB`, value: kb(z.jsBytes), unit: '', target: { max: kb(SCRIPT_BUDGET_BYTES), on: 'value' }, floor: { name: 'lit alone, minified', value: kb(litBytes) } })),
      ...timeRows(`Portfolio, 200 projects: ready answered → painted (median of ${OPEN_RUNS} opens)`, s.open, `same message → same ${open.nodes} nodes as plain HTML`, 300),
      ...timeRows(`Portfolio, one card's live update (median of ${UPDATE_RUNS})`, s.card, oneText(card), 16),
      ...timeRows(`Runtime monitor, live update, 20 running projects (median of ${UPDATE_RUNS})`, s.runtime, oneText(runtime), 16),
      ...timeRows(`Project detail, treemap of 2,000 files: message → painted (median of ${OPEN_RUNS} opens)`, s.treemap, `same message → same ${treemap.nodes} nodes as plain HTML`),
      ...timeRows(`Money, after a rate change: view → figures painted (median of ${UPDATE_RUNS})`, s.money, oneText(money)),
    ];
    const results = rows.map(evaluate);
    const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, chromium, loadStart: loadStart.map((l) => round(l, 2)), loadEnd: loadEnd.map((l) => round(l, 2)) };
    if (json) {
      const raw = (m: Measured) => ({ ms: m.panel.map((t) => round(t.ms, 2)), workMs: m.panel.map((t) => (t.workMs === null ? null : round(t.workMs, 2))), floorMs: m.floor.map((f) => round(f.ms, 2)), floorWorkMs: m.floor.map((f) => round(f.workMs, 2)), nodes: m.nodes, ...m.notes });
      const samples = { portfolioOpen: raw(open), portfolioCardUpdate: raw(card), runtimeLiveUpdate: raw(runtime), projectTreemap: raw(treemap), moneyRateChange: raw(money) };
      process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), machine, frameIntervalMs: round(frameMs, 2), sizes: sizes.map((z) => ({ ...z, budgetBytes: SCRIPT_BUDGET_BYTES })), litAloneBytes: litBytes, samples, rows: results }, null, 2)}\n`);
      return;
    }
    const spread = (name: string, x: Summary): string => `${name}: first ${round(x.first, 1)} ms, slowest ${round(x.slowest, 1)} ms`;
    const out = [
      `Optimus webview benchmark: Chromium ${chromium} headless (software rendering), viewport 1100×900`,
      `machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, load average ${machine.loadStart.join(' ')} at start, ${machine.loadEnd.join(' ')} at end`,
      '',
      table(results),
      '',
      `"painted": a requestAnimationFrame callback, then a message-channel task once that frame is done; each time includes the wait for the next frame, and so does each floor (frames here come ${round(frameMs, 1)} ms apart when asked for one after another)`,
      `css beside the scripts: ${sizes.map((z) => `${z.app} ${z.cssBytes > 0 ? `${kb(z.cssBytes)} KB` : 'none'}`).join(', ')}`,
      `${spread('Portfolio open', s.open)}; ${spread('card update', s.card)}; ${spread('Runtime update', s.runtime)}; ${spread('treemap', s.treemap)} (${treemap.notes.tiles ?? 0} tiles drawn); ${spread('Money', s.money)}`,
      `${results.filter((r) => r.met === true).length} targets met, ${results.filter((r) => r.met === false).length} missed`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await browser?.close();
    // The bench's own temp build (the harness's mkdtemp folder, made by this process), and nothing else.
    if (bundles && path.basename(bundles).startsWith('optimus-webviews-') && path.dirname(bundles) === os.tmpdir()) await rm(bundles, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
