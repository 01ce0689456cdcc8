// `node scripts/screenshots.mjs`: the README's screenshots, docs/images/*.png, taken from the built extension in a
// real VS Code (code-server 4.100.3, the one the end-to-end tests use) driven by Debian's Chromium.
//
// It builds dist/ when a source is newer than it, generates the 12-project sample portfolio (seed 1, a fixed base
// date: the same projects, branches, dirty files and commit dates every time) in $TMPDIR/optimus-demo/ (a fixed
// path, as it shows in the details' Remote row), points `optimus.roots` at it, opens it in a 1280×800 window and
// saves, in the light ("Light Modern") and the dark ("Dark Modern") theme:
//   projects-<light|dark>.png      the Projects tree grouped by stack, every group expanded;
//   details-<light|dark>.png       a dirty repository with an upstream it is ahead of and behind, expanded, with its
//                                  Stack, Git and Dependencies rows expanded;
//   context-menu-<light|dark>.png  the right-click menu of a project row.
// Each is cropped to the activity bar and the side bar (and the menu), from below the title bar to a little below
// the last row: ~625×510 to 760×550 pixels, ~40–60 KB.
//
//   node scripts/screenshots.mjs [--out DIR] [--base-date ISO] [--keep]
//
// The "Last commit … · 6 months ago" of the details is measured from today, so it drifts as the base date ages:
// pass a later --base-date to refresh it. --keep leaves the portfolio and the temp folder (user data, logs).
// Needs what `npm run test:e2e` needs (Debian packages chromium, ripgrep, libkrb5-dev); CHROMIUM_PATH overrides
// /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openWorkbench, PROJECTS_PANE, ProjectsView, selectColorTheme } from '../test/e2e/workbench.mjs';
import { startCodeServer, writeSettings } from './codeServer.mjs';
import { ensureCodeServer } from './installCodeServer.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const SIDE_BAR_WIDTH = 560; // wide enough for "feature/dark-mode · TypeScript, VS Code extension · ●3"
const SEED = 1;
const COUNT = 12;
const BASE_DATE = '2026-11-20T12:00:00Z';
const THEMES = [
  { id: 'light', setting: 'Default Light Modern', label: 'Light Modern' },
  { id: 'dark', setting: 'Default Dark Modern', label: 'Dark Modern' },
];
const MAX_BYTES = 250 * 1024;

const started = Date.now();
const log = (message) => console.log(`[screenshots ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

function parseArgs(argv) {
  const opts = { out: path.join(repoRoot, 'docs', 'images'), baseDate: BASE_DATE, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--out') opts.out = path.resolve(value());
    else if (arg === '--base-date') opts.baseDate = value();
    else if (arg === '--keep') opts.keep = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/screenshots.mjs [--out DIR] [--base-date ISO] [--keep]');
      process.exit(0);
    } else throw new Error(`unexpected argument ${arg} (usage: node scripts/screenshots.mjs [--out DIR] [--base-date ISO] [--keep])`);
  }
  if (Number.isNaN(Date.parse(opts.baseDate))) throw new Error(`--base-date ${opts.baseDate} is not a date`);
  return opts;
}

/** Runs a command from the repository root with inherited stderr; returns its stdout; throws when it fails. */
function run(cmd, args, what) {
  const res = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 });
  if (res.error) throw new Error(`${what}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status ?? res.signal})`);
  return res.stdout;
}

/** The newest modification time of the files under `p` (a file or a folder). */
function newest(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

/** `npm run build` unless every dist/ bundle is newer than the sources it is built from. */
function buildIfNeeded() {
  const outputs = ['extension.js', 'server.js'].map((f) => path.join(repoRoot, 'dist', f));
  const built = Math.min(...outputs.map((f) => fs.statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  const sources = Math.max(...['extension', 'language-server', 'package.json', 'package-lock.json', 'scripts/build.mjs']
    .map((p) => newest(path.join(repoRoot, p))));
  if (built > sources) {
    log('dist/ is up to date');
    return;
  }
  log('building dist/ (npm run build)');
  run('npm', ['run', 'build'], 'npm run build');
}

/** Generates the sample portfolio into `dir` (its remotes into `remotesDir`) and returns its summary (portfolio.ts --json). */
function generatePortfolio(dir, remotesDir, baseDate) {
  const out = run(process.execPath, ['--import', 'tsx', 'scripts/portfolio.ts', dir, '--count', String(COUNT),
    '--seed', String(SEED), '--base-date', baseDate, '--remotes', remotesDir, '--json'],
  'generating the sample portfolio (scripts/portfolio.ts)');
  return JSON.parse(out);
}

/** The project the details shot expands: a dirty repository with an upstream, ahead and behind it if one is. */
function pickDetailsProject(projects) {
  const score = (p) => (p.dirty > 0 ? 4 : 0) + (p.ahead > 0 ? 2 : 0) + (p.behind > 0 ? 2 : 0) + (p.members.length === 0 ? 1 : 0);
  const candidates = projects.filter((p) => p.git && p.upstream);
  const best = candidates.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name))[0];
  if (!best) throw new Error('the sample portfolio has no git repository with an upstream');
  return best;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  buildIfNeeded();
  const entry = await ensureCodeServer({ log });

  // The portfolio's path shows in the details (the Remote row): a fixed one, the same in every run. The generator
  // replaces a portfolio it made there before and refuses to touch a folder it did not make.
  const demoDir = path.join(fs.realpathSync(os.tmpdir()), 'optimus-demo');
  const root = path.join(demoDir, 'projects');
  const remotesDir = path.join(demoDir, 'remotes');
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'optimus-screenshots-'))); // user data, logs
  const cleanups = [];
  if (opts.keep) log(`keeping ${root}, ${remotesDir} and ${tmp}`);
  else {
    cleanups.push(() => {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!fs.existsSync(path.join(root, '.optimus-portfolio'))) return; // not made (or not ours): leave it
      for (const dir of [root, remotesDir]) fs.rmSync(dir, { recursive: true, force: true });
      if (fs.readdirSync(demoDir).length === 0) fs.rmdirSync(demoDir);
    });
  }
  try {
    const summary = generatePortfolio(root, remotesDir, opts.baseDate);
    const projects = summary.projects; // the top-level ones (workspace members are listed under theirs)
    const detailsProject = pickDetailsProject(projects);
    log(`${projects.length} projects in ${root}; details of ${detailsProject.name} (${detailsProject.branch}, `
      + `${detailsProject.dirty} changed, ↑${detailsProject.ahead} ↓${detailsProject.behind} ${detailsProject.upstream})`);

    const dataDir = path.join(tmp, 'code-server');
    // optimus.roots is machine-scoped: a code-server window takes it from the Remote settings (see
    // writeSettings); the rest are User settings.
    writeSettings(dataDir, 'Machine', { 'optimus.roots': [root] });
    const settings = {
      'optimus.groupBy': 'stack',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.layoutControl.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'git.enabled': false,
    };
    writeSettings(dataDir, 'User', settings);
    const server = await startCodeServer({
      entry, dataDir, logFile: path.join(tmp, 'code-server.log'), env: { EXTENSIONS_GALLERY: '{}' },
    });
    cleanups.push(() => server.stop());
    log(`code-server answering on ${server.url}`);
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: VIEWPORT });

    fs.mkdirSync(opts.out, { recursive: true });
    // The portfolio is opened as the workspace too (as a user who keeps ~/projects open would); a root that is
    // also a workspace folder is scanned once.
    const url = server.workbenchUrl({ folder: root, extensionDevelopmentPath: repoRoot });
    for (const theme of THEMES) {
      // A fresh window per theme, so the tree starts as a user first sees it. The theme is in the user settings
      // (every window of one code-server shares them: written before the window opens), but code-server 4.100.3
      // was seen ignoring `workbench.colorTheme` in a window with `extensionDevelopmentPath` (it stays on Light+),
      // so the theme picker sets it too.
      writeSettings(dataDir, 'User', { ...settings, 'workbench.colorTheme': theme.setting });
      const page = await openWorkbench(context, url, { consoleLog: path.join(tmp, 'browser-console.log') });
      try {
        await page.locator('.part.activitybar .action-item[aria-label^="Optimus"], .part.activitybar [aria-label^="Optimus"]')
          .first().waitFor({ timeout: 60_000 }); // the extension's contributions are known: commands run
        await selectColorTheme(page, theme.label);
        await shootTheme(page, theme, projects, detailsProject, opts.out);
      } finally {
        await page.close();
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`cleanup failed: ${err.message}`);
      }
    }
  }
}

async function shootTheme(page, theme, projects, detailsProject, outDir) {
  const view = new ProjectsView(page);
  await view.open();
  await view.widenSideBar(SIDE_BAR_WIDTH); // open() widens it too; this keeps the width a choice of this script
  await view.rows().first().waitFor({ state: 'visible', timeout: 60_000 });
  await view.expandGroups();
  // Rows fill in as the scan reads git state: wait for every project's branch, the chosen one's badges, then calm.
  for (const p of projects) await view.waitForDescription(p.name, p.branch ? [p.branch] : [], 30_000);
  const badges = [detailsProject.dirty ? '●' : '', detailsProject.ahead ? `↑${detailsProject.ahead}` : '', detailsProject.behind ? `↓${detailsProject.behind}` : ''].filter(Boolean);
  await view.waitForDescription(detailsProject.name, badges, 30_000);
  await waitForStableTree(page);
  await expectOnlyGroups(page, projects);
  log(`${theme.id}: the tree shows all ${projects.length} projects`);

  // 1. The tree, grouped by stack.
  await calm(page);
  await save(page, path.join(outDir, `projects-${theme.id}.png`), await sideBarClip(page));

  // 2. The right-click menu of the details project's row, opened near its right end: the row stays readable.
  const rowBox = await view.row(detailsProject.name).first().boundingBox();
  const menu = await view.openContextMenu(detailsProject.name, undefined, { position: { x: rowBox.width - 80, y: rowBox.height / 2 } });
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 60); // off the menu: no item is hovered
  await page.waitForTimeout(300);
  const menuBox = await menu.boundingBox();
  log(`${theme.id}: context menu of ${detailsProject.name}: ${(await view.menuItems()).join(' | ')}`);
  await save(page, path.join(outDir, `context-menu-${theme.id}.png`), await sideBarClip(page, menuBox));
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden', timeout: 5000 });

  // 3. The details project expanded, with its Stack, Git and Dependencies rows expanded; the other groups are
  //    collapsed so that everything fits.
  const group = await view.groupOf(detailsProject.name);
  await view.collapseGroups({ keep: [group] });
  // A click on the row expands it and selects it (it stays highlighted); the detail rows open by their twisties.
  await view.row(detailsProject.name).first().locator('.label-name').click();
  await view.expandRow(detailsProject.name);
  for (const detail of ['Stack', 'Git', 'Dependencies']) await view.expandRow(detail, { under: detailsProject.name });
  await calm(page);
  await save(page, path.join(outDir, `details-${theme.id}.png`), await sideBarClip(page));
}

/** Waits until the rows' text has not changed for a second (the scan and git reads are done). */
async function waitForStableTree(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = (await page.locator(`${PROJECTS_PANE} .monaco-list-row`).allInnerTexts()).join('\n');
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= 1000) {
      return;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`the Projects tree kept changing for ${timeoutMs / 1000} s`);
}

/**
 * Fails when a top-level row is not a stack group, e.g. "Skipped while scanning" (a missing root: the default
 * ~/projects when the window did not get `optimus.roots`), which would spoil the shot.
 */
async function expectOnlyGroups(page, projects) {
  const groups = (await page.locator(`${PROJECTS_PANE} .monaco-list-row[aria-level="1"] .label-name`).allTextContents()).map((t) => t.trim());
  const unexpected = groups.filter((g) => /skipped|problem|error/i.test(g));
  if (unexpected.length > 0) {
    const text = await page.locator('.part.sidebar').innerText();
    throw new Error(`the Projects view shows ${unexpected.map((g) => `"${g}"`).join(', ')} besides the ${projects.length} `
      + `projects:\n${text}`);
  }
}

/** No hover, no tooltip, no focus outline: the focus goes to the (empty) editor area, the mouse to a corner. */
async function calm(page) {
  await page.locator('.part.editor').click({ position: { x: 300, y: 300 } });
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 60);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
  await page.waitForTimeout(400); // hover fade-outs and the scroll bar's fade
}

/**
 * The activity bar and the side bar (and `extra`, e.g. an open menu) with a margin, from below the title bar to
 * a little below the last row (or `extra`).
 */
async function sideBarClip(page, extra) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  const titleBar = await page.locator('.part.titlebar').boundingBox().catch(() => null);
  const rows = await page.locator(`${PROJECTS_PANE} .monaco-list-row`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
  const top = titleBar ? Math.round(titleBar.y + titleBar.height) : 0;
  const right = Math.max(sideBar.x + sideBar.width + 16, extra ? extra.x + extra.width + 24 : 0);
  const bottom = Math.max(Math.max(0, ...rows) + 32, extra ? extra.y + extra.height + 24 : 0, top + 320);
  return {
    x: 0,
    y: top,
    width: Math.min(VIEWPORT.width, Math.ceil(right)),
    height: Math.min(sideBar.y + sideBar.height, Math.ceil(bottom)) - top,
  };
}

async function save(page, file, clip) {
  await page.screenshot({ path: file, clip, animations: 'disabled' });
  const bytes = fs.statSync(file).size;
  log(`saved ${path.relative(repoRoot, file)} (${clip.width}×${clip.height}, ${(bytes / 1024).toFixed(0)} KB)`);
  if (bytes > MAX_BYTES) console.warn(`warning: ${path.relative(repoRoot, file)} is over ${MAX_BYTES / 1024} KB`);
}

main().then(() => {
  log('done');
  process.exit(0);
}, (err) => {
  console.error(`screenshots: ${err.stack ?? err.message}`);
  process.exit(1);
});
