// `node scripts/screenshots.mjs`: the README's screenshots, docs/images/*.png, taken from the built extension in a
// real VS Code (code-server 4.100.3, the one the end-to-end tests use) driven by Debian's Chromium.
//
// It builds dist/ when a source is newer than it, generates the sample portfolio (12 projects, seed 1, a fixed base
// date: the same projects, branches, dirty files and commit dates every time; plus the two runnable ones,
// status-page and webhook-relay: dependency-free Node servers with a .optimus.json start command) in
// $TMPDIR/optimus-demo/ (a fixed path, as it shows in the details' Remote row), points `optimus.roots` at it,
// opens it in a 1280×800 window and saves, in the light ("Light Modern") and the dark ("Dark Modern") theme:
//   projects-<light|dark>.png      the Projects tree grouped by stack, every group expanded;
//   details-<light|dark>.png       a dirty repository with an upstream it is ahead of and behind, expanded, with its
//                                  Stack, Git and Dependencies rows expanded;
//   context-menu-<light|dark>.png  the right-click menu of a project row;
//   running-<light|dark>.png       the runnable projects started from their context menus (and a few requests
//                                  sent to them): their "▶ :port" rows, the Running view with their ports and
//                                  processes, a server's source and its terminal, the status bar's items.
// The first three are cropped to the activity bar and the side bar (and the menu), from below the title bar to a
// little below the last row (the Running view collapsed): ~625×595 to 850×630 pixels, ~45–70 KB; the last one is
// the whole window below the title bar, the panel (terminal) as wide as the window: 1280×765, ~210 KB. The
// servers are stopped after the shot; any of their processes still there when the script ends (a failure,
// Ctrl+C) is killed.
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
import { openWorkbench, PROJECTS_PANE, ProjectsView, runCommand, selectColorTheme } from '../test/e2e/workbench.mjs';
import { startCodeServer, writeSettings } from './codeServer.mjs';
import { ensureCodeServer } from './installCodeServer.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const SIDE_BAR_WIDTH = 560; // wide enough for "feature/dark-mode · TypeScript, VS Code extension · ●3"
const SEED = 1;
const COUNT = 12; // and the runnable projects
const RUNNING_PANE = '.part.sidebar .pane:has(> .pane-header[aria-label^="Running"])';
const PANEL_HEIGHT = 210; // the running shot's terminal: its output, with room to spare
const TERMINAL_TABS_WIDTH = 210; // "Optimus: webhook-relay" whole
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
    '--seed', String(SEED), '--base-date', baseDate, '--remotes', remotesDir, '--runnable', '--json'],
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
  // The runs the extension starts are process groups of their own, which stopping code-server does not reach:
  // the servers still running once code-server is gone (a failure before the Stop) are killed here.
  const servers = []; // the runnable projects, once generated
  cleanups.push(() => killStrays(servers));
  const interrupted = (signal) => {
    log(`${signal}: cleaning up`);
    runCleanups(cleanups).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const summary = generatePortfolio(root, remotesDir, opts.baseDate);
    const projects = summary.projects; // the top-level ones (workspace members are listed under theirs)
    const detailsProject = pickDetailsProject(projects);
    const runnable = projects.filter((p) => p.run);
    if (runnable.length === 0) throw new Error('the sample portfolio has no runnable project (portfolio.ts --runnable)');
    servers.push(...runnable);
    log(`${projects.length} projects in ${root}; details of ${detailsProject.name} (${detailsProject.branch}, `
      + `${detailsProject.dirty} changed, ↑${detailsProject.ahead} ↓${detailsProject.behind} ${detailsProject.upstream}); `
      + `running ${runnable.map((p) => p.name).join(' and ')}`);

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
      // For the running shot: no port-forwarding toast, no shell terminal opened or revived (the terminals live
      // in code-server, beyond a browser context), the terminal drawn as DOM rows (readable, and never caught
      // half-drawn), the code without minimap or lightbulb.
      'remote.autoForwardPorts': false,
      'terminal.integrated.hideOnStartup': 'always',
      'terminal.integrated.enablePersistentSessions': false,
      'terminal.integrated.gpuAcceleration': 'off',
      'editor.minimap.enabled': false,
      'editor.lightbulb.enabled': 'off',
    };
    writeSettings(dataDir, 'User', settings);
    const server = await startCodeServer({
      entry, dataDir, logFile: path.join(tmp, 'code-server.log'), env: { EXTENSIONS_GALLERY: '{}' },
    });
    cleanups.push(() => server.stop());
    log(`code-server answering on ${server.url}`);
    // Ctrl+C is this script's to handle (see `interrupted`): the servers go too, not just the browser.
    const browser = await chromium.launch({
      executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    cleanups.push(() => browser.close());

    fs.mkdirSync(opts.out, { recursive: true });
    // The portfolio is opened as the workspace too (as a user who keeps ~/projects open would); a root that is
    // also a workspace folder is scanned once.
    const url = server.workbenchUrl({ folder: root, extensionDevelopmentPath: repoRoot });
    for (const theme of THEMES) {
      // A fresh window per theme, in a browser context of its own (nothing restored from the previous window's
      // layout, editors or terminals), so the tree starts as a user first sees it. The theme is in the user settings
      // (every window of one code-server shares them: written before the window opens), but code-server 4.100.3
      // was seen ignoring `workbench.colorTheme` in a window with `extensionDevelopmentPath` (it stays on Light+),
      // so the theme picker sets it too.
      writeSettings(dataDir, 'User', { ...settings, 'workbench.colorTheme': theme.setting });
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await openWorkbench(context, url, { consoleLog: path.join(tmp, 'browser-console.log') });
      try {
        await page.locator('.part.activitybar .action-item[aria-label^="Optimus"], .part.activitybar [aria-label^="Optimus"]')
          .first().waitFor({ timeout: 60_000 }); // the extension's contributions are known: commands run
        await selectColorTheme(page, theme.label);
        await shootTheme(page, theme, projects, detailsProject, runnable, opts.out);
      } catch (err) {
        const shot = path.join(os.tmpdir(), `optimus-screenshots-failure-${theme.id}.png`);
        await page.screenshot({ path: shot }).then(() => log(`the window when it failed: ${shot}`), () => {});
        throw err;
      } finally {
        await context.close();
      }
    }
  } finally {
    await runCleanups(cleanups);
  }
}

let cleaning = null;

/**
 * Runs the cleanups, the last added first, once: main and a signal handler (whichever comes second) share the
 * same run, so that neither exits the process before it is done.
 */
function runCleanups(cleanups) {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`cleanup failed: ${err.message}`);
      }
    }
  })();
  return cleaning;
}

/**
 * The pids of the processes of the runs of `projects` (runnable ones): working in a project's folder, with its
 * start command in their command line (the command, its shell and its `script` pty wrapper; not the extension's
 * git reads). Linux's /proc only: elsewhere none are found.
 */
function serverProcesses(projects) {
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const pids = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cwd;
    let cmdline;
    try {
      cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // gone, a zombie, or not ours to read
    }
    const ours = projects.some((p) => (cwd === p.path || cwd.startsWith(p.path + path.sep)) && cmdline.includes(p.run.command));
    if (ours) pids.push(Number(entry));
  }
  return pids;
}

/** Ends the runs of `projects` that are still there (servers the script started and did not get to stop). */
async function killStrays(projects) {
  let pids = serverProcesses(projects);
  if (pids.length === 0) return;
  console.warn(`killing ${pids.length} server process(es) left running: ${pids.join(', ')}`);
  const signal = (sig) => pids.forEach((pid) => {
    try {
      process.kill(pid, sig);
    } catch {
      // gone already
    }
  });
  signal('SIGTERM');
  for (let i = 0; i < 20 && pids.length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const left = new Set(serverProcesses(projects));
    pids = pids.filter((pid) => left.has(pid)); // still there, and still a server (not a reused pid)
  }
  signal('SIGKILL');
}

async function shootTheme(page, theme, projects, detailsProject, runnable, outDir) {
  const view = new ProjectsView(page);
  await view.open();
  await view.widenSideBar(SIDE_BAR_WIDTH); // open() widens it too; this keeps the width a choice of this script
  // The Running view (the second pane) collapsed, so that the Projects tree has the whole side bar.
  await setPaneExpanded(page, RUNNING_PANE, false);
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
  await clearNotifications(page);
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
  const runGroups = [...new Set(await Promise.all(runnable.map((p) => view.groupOf(p.name))))];
  const group = await view.groupOf(detailsProject.name);
  await view.collapseGroups({ keep: [group] });
  // A click on the row expands it and selects it (it stays highlighted); the detail rows open by their twisties.
  await view.row(detailsProject.name).first().locator('.label-name').click();
  await view.expandRow(detailsProject.name);
  for (const detail of ['Stack', 'Git', 'Dependencies']) await view.expandRow(detail, { under: detailsProject.name });
  await calm(page);
  await save(page, path.join(outDir, `details-${theme.id}.png`), await sideBarClip(page));

  // 4. The runnable projects started from their context menus, with some traffic; the whole window.
  await view.collapseGroups({ keep: runGroups });
  for (const g of runGroups) await view.expandRow(g);
  await shootRunning(page, theme, view, runnable, path.join(outDir, `running-${theme.id}.png`));
}

/**
 * Starts the `runnable` projects (the last one ends up in the terminal and the editor), sends them their
 * requests, shows the Running view, saves the window below the title bar to `file`, and stops them again.
 */
async function shootRunning(page, theme, view, runnable, file) {
  await setPaneExpanded(page, RUNNING_PANE, true);
  const ports = new Map();
  let failure = null;
  try {
    for (const project of runnable) {
      const port = await startProject(page, view, project);
      ports.set(project.name, port);
      log(`${theme.id}: started ${project.name} (${project.run.command}), listening on :${port}`);
      for (const request of project.run.requests) await send(port, request);
    }
    const front = runnable[runnable.length - 1];
    await openFile(page, path.join(front.path, 'server.js'));
    await justifyPanel(page);
    await clearNotifications(page);
    await arrangeRunningLayout(page);
    // The Running view: every project with its port and its processes, CPU and memory measured.
    const running = page.locator(`${RUNNING_PANE} .monaco-list-row`);
    for (const project of runnable) {
      const row = running.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${project.name}$`) }) });
      await row.locator('.label-description', { hasText: `:${ports.get(project.name)} · ` }).waitFor({ timeout: 30_000 });
      await running.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^:${ports.get(project.name)}$`) }) })
        .waitFor({ timeout: 30_000 });
    }
    await running.filter({ hasText: front.run.command }).first().waitFor({ timeout: 30_000 });
    const statusItem = page.locator('.part.statusbar .statusbar-item', { hasText: `${runnable.length} running` }).first();
    await statusItem.waitFor({ timeout: 30_000 });
    // The terminal's output (rendered as DOM rows: gpuAcceleration is off) up to the last request's line.
    const lastPath = front.run.requests.at(-1).path;
    await page.locator('.part.panel .xterm-rows', { hasText: lastPath }).first().waitFor({ timeout: 30_000 });
    await waitForStableTree(page, `${RUNNING_PANE} .monaco-list-row .label-name`); // labels: CPU figures keep moving
    // The JavaScript language service's "Analyzing 'server.js' and its dependencies" gone from the status bar.
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Analyzing|Initializing/ }).first()
      .waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => log('warning: the status bar still shows a language service at work'));
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 60);
    await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
    await page.waitForTimeout(1500); // a fresh CPU sample, the hover and scroll bar fade-outs
    const projectRows = running.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^(${runnable.map((p) => p.name).join('|')})$`) }) });
    log(`${theme.id}: status bar "${(await statusItem.textContent())?.trim()}"; Running view: `
      + `${(await projectRows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ')}; ${await running.count()} rows`);
    const titleBar = await page.locator('.part.titlebar').boundingBox().catch(() => null);
    const top = titleBar ? Math.round(titleBar.y + titleBar.height) : 0;
    await save(page, file, { x: 0, y: top, width: VIEWPORT.width, height: VIEWPORT.height - top });
  } catch (err) {
    failure = err;
    const shot = path.join(os.tmpdir(), `optimus-screenshots-failure-${theme.id}-running.png`);
    await page.screenshot({ path: shot }).then(() => log(`the window when it failed: ${shot}`), () => {});
  }
  try {
    await stopProjects(page, view, runnable.filter((p) => ports.has(p.name)));
  } catch (err) {
    if (!failure) throw err;
    console.error(`stopping after the failure: ${err.message}`);
  }
  if (failure) throw failure;
}

/** Start from the row's context menu, confirm the command shown, wait for the row's "▶ :port"; returns the port. */
async function startProject(page, view, project) {
  await view.contextMenu(project.name, 'Start');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const shown = (await dialog.textContent()) ?? '';
  if (!shown.includes(project.run.command)) throw new Error(`the start confirmation of ${project.name} does not show "${project.run.command}": "${shown}"`);
  await dialog.locator('.monaco-button', { hasText: /^Start$/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  const description = await view.waitForDescription(project.name, ['▶ :'], 30_000);
  return Number(/▶ :(\d+)/.exec(description)[1]);
}

/** Stops the projects from their context menus and waits until none of their processes is left. */
async function stopProjects(page, view, projects) {
  for (const project of projects) {
    try {
      await view.contextMenu(project.name, 'Stop');
    } catch (err) {
      console.error(`could not stop ${project.name} from its context menu: ${err.message.split('\n')[0]}`);
    }
  }
  await page.locator('.part.statusbar .statusbar-item', { hasText: /none running/ }).first().waitFor({ timeout: 20_000 });
  const deadline = Date.now() + 10_000;
  while (serverProcesses(projects).length > 0 && Date.now() < deadline) await page.waitForTimeout(200);
  const left = serverProcesses(projects);
  if (left.length > 0) throw new Error(`processes still run after Stop: ${left.join(', ')}`);
  if (projects.length > 0) log(`stopped ${projects.map((p) => p.name).join(' and ')}`);
}

/** One request to a server of the portfolio on this machine; its answer is read and dropped. */
async function send(port, { method, path: urlPath, headers, body }) {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { method, headers, body });
  await res.arrayBuffer();
}

/** Opens `file` (an absolute path) in the editor through Go to File. */
async function openFile(page, file) {
  await runCommand(page, 'Go to File...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(file);
  const row = page.locator('.quick-input-widget .monaco-list-row').first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator(`.part.editor .tab.active[aria-label^="${path.basename(file)}"]`).waitFor({ timeout: 10_000 });
  // The cursor on the first empty line: no word or bracket highlighted.
  await page.locator('.part.editor .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
}

/**
 * The panel (the terminal) as wide as the window, below the side bar too: its terminal and its tabs list (the
 * terminals' names) both get room.
 */
async function justifyPanel(page) {
  const panel = page.locator('.part.panel');
  const justified = async () => (await panel.boundingBox()).x <= (await page.locator('.part.sidebar').boundingBox()).x;
  if (await justified()) return;
  await runCommand(page, 'View: Set Panel Alignment to Justify');
  for (let i = 0; i < 20 && !await justified(); i++) await page.waitForTimeout(100);
  if (!await justified()) throw new Error('the panel did not become as wide as the window');
}

/**
 * Sizes the parts for the running shot: the panel PANEL_HEIGHT high, its terminal tabs list wide enough for
 * "Optimus: webhook-relay", and the Projects pane just tall enough for its rows (the rest for the Running view).
 */
async function arrangeRunningLayout(page) {
  const box = (selector) => page.locator(selector).first().boundingBox();
  const panel = await box('.part.panel');
  await dragSash(page, '.monaco-workbench .monaco-sash.horizontal', { y: panel.y }, { y: panel.y + panel.height - PANEL_HEIGHT });
  const tabs = await box('.part.panel .tabs-container');
  if (tabs && tabs.width < TERMINAL_TABS_WIDTH) {
    await dragSash(page, '.part.panel .monaco-sash.vertical', { x: tabs.x }, { x: tabs.x + tabs.width - TERMINAL_TABS_WIDTH });
  }
  // The list's rows element is as tall as all its rows, rendered or not (the list renders the visible ones).
  const rowsHeight = await page.locator(`${PROJECTS_PANE} .monaco-list-rows`).first().evaluate((e) => e.offsetHeight);
  const body = await box(`${PROJECTS_PANE} > .pane-body`);
  const running = await box(`${RUNNING_PANE} > .pane-header`);
  const wanted = body.y + rowsHeight + 8;
  if (Math.abs(running.y - wanted) > 2) await dragSash(page, '.part.sidebar .monaco-sash.horizontal', { y: running.y }, { y: wanted });
  await page.waitForTimeout(300);
}

/** Drags the visible sash matching `selector` that is nearest to `from` ({x} or {y}) to `to`. */
async function dragSash(page, selector, from, to) {
  const boxes = (await Promise.all((await page.locator(selector).all()).map((l) => l.boundingBox())))
    .filter((b) => b && b.width > 0 && b.height > 0);
  const axis = 'x' in from ? 'x' : 'y';
  const centre = (b) => (axis === 'x' ? b.x + b.width / 2 : b.y + b.height / 2);
  const sash = boxes.sort((a, b) => Math.abs(centre(a) - from[axis]) - Math.abs(centre(b) - from[axis]))[0];
  if (!sash || Math.abs(centre(sash) - from[axis]) > 8) throw new Error(`no sash ${selector} at ${axis} ${from[axis]}`);
  const start = { x: sash.x + sash.width / 2, y: sash.y + sash.height / 2 };
  const end = { ...start, [axis]: to[axis] };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** Expands or collapses the side bar pane `pane` (a selector) by its header. */
async function setPaneExpanded(page, pane, expanded) {
  const header = page.locator(`${pane} > .pane-header`);
  await header.waitFor({ timeout: 30_000 });
  if (await header.getAttribute('aria-expanded') !== String(expanded)) await header.click({ position: { x: 60, y: 11 } });
  await page.locator(`${pane} > .pane-header[aria-expanded="${expanded}"]`).waitFor({ timeout: 5000 });
}

/** Waits until the rows' text has not changed for a second (the scan and git reads are done). */
async function waitForStableTree(page, rows = `${PROJECTS_PANE} .monaco-list-row`, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = (await page.locator(rows).allInnerTexts()).join('\n');
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

/** Closes the notification toasts (e.g. Optimus's "no containers" one, which would show in a wide shot). */
async function clearNotifications(page) {
  if (await page.locator('.notification-toast-container .notification-toast').count() === 0) return;
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast-container .notification-toast').first().waitFor({ state: 'hidden', timeout: 5000 });
}

/** No hover, no tooltip, no focus outline: the focus goes to the (empty) editor area, the mouse to a corner. */
async function calm(page) {
  await clearNotifications(page);
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
