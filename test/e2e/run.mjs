// `npm run test:e2e`: the built extension (dist/) inside a real VS Code (code-server 4.100.3 = VS Code 1.100.3)
// driven by Debian's Chromium through playwright-core, against a fixture portfolio of real git repositories.
//
//  1. the in-host mocha suite (test/e2e/suite/*.ts, compiled here) runs through `extensionTestsPath` in one window;
//  2. a second window drives the real UI: the Optimus view, its Projects tree, the Copy Path context-menu item,
//     starting and stopping a project, and a command failing in the terminal diagnosed, its port fix clicked;
//  3. a third window, with no folder open and `optimus.roots` pointing at a folder that does not exist, checks
//     the view's welcome content (the "noRoots" empty state).
//
// Needs `npm run build` first and the Debian packages chromium, ripgrep and libkrb5-dev (code-server is installed
// into .cache/code-server/ on first use). Screenshots and logs go to test-artifacts/e2e/.
// Environment: OPTIMUS_E2E_EXTENSION=<dir> tests another extension folder (default: the repo);
// OPTIMUS_E2E_KEEP=1 keeps the temp folder (fixtures, user data); CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { startCodeServer, writeSettings } from '../../scripts/codeServer.mjs';
import { ensureCodeServer } from '../../scripts/installCodeServer.mjs';
import { E2E_PACKAGES, ensureSystemPackages } from '../../scripts/systemPackages.mjs';
import { createFixtures, LATE_PROJECT, RUNNABLE_PROJECT } from './fixtures.mjs';
import { openWorkbench, runCommand, ProjectsView, runInHostSuite, saveLogs, waitForClipboard } from './workbench.mjs';
import { askWhatsRunning, cardToProjectDetail, panelsSurviveReload, rateUpdatesMoney, runtimeStops, screenshotPanels } from './panels.mjs';

const TIMEOUT_MS = Number(process.env.OPTIMUS_E2E_TIMEOUT_MS) || 180_000; // the run, once code-server is installed
const INSTALL_TIMEOUT_MS = 10 * 60_000; // installing code-server on first use (1.5–2 min measured)
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const artifacts = path.join(repoRoot, 'test-artifacts', 'e2e');
const suiteOut = path.join(repoRoot, '.cache', 'e2e-suite');
const extensionDir = path.resolve(process.env.OPTIMUS_E2E_EXTENSION || repoRoot);
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Lines of the in-host suite's output start with this (test/e2e/suite/helpers.ts REPORT_MARK).
const REPORT_MARK = '[optimus-e2e] ';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const started = Date.now();
const seconds = (ms = Date.now() - started) => `${(ms / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[e2e ${seconds()}] ${message}`);
const timings = [];
const mark = (what) => { timings.push([what, Date.now() - started]); log(what); };

let phase = 'starting';
let currentPage = null; // screenshotted as failure.png when the run fails
const cleanups = [];
let finishing = false;

async function main() {
  phase = 'checking prerequisites';
  if (!process.env.CHROMIUM_PATH) ensureSystemPackages(E2E_PACKAGES, log);
  checkPrerequisites();
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });

  phase = 'installing code-server';
  armTimeout(INSTALL_TIMEOUT_MS);
  const entry = await ensureCodeServer({ log });
  mark('code-server installed');
  armTimeout(TIMEOUT_MS);

  phase = 'creating fixtures';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'optimus-e2e-'));
  if (process.env.OPTIMUS_E2E_KEEP) log(`keeping ${tmp}`);
  else cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const root = path.join(fs.realpathSync(tmp), 'projects');
  fs.mkdirSync(root);
  const projects = createFixtures(root);
  const expectedFile = path.join(tmp, 'expected.json');
  fs.writeFileSync(expectedFile, JSON.stringify({ root, projects, lateProject: LATE_PROJECT }, null, 2));
  const dataDir = path.join(tmp, 'code-server');
  const missingRoot = path.join(fs.realpathSync(tmp), 'no-such-folder'); // for the welcome-view phase
  // Machine-scoped, so in the Remote settings: a code-server window ignores it in the User ones (see
  // writeSettings in scripts/codeServer.mjs). The fixture folder is opened as the workspace folder too, which Optimus also scans.
  writeSettings(dataDir, 'Machine', { 'optimus.roots': [root] });
  writeSettings(dataDir, 'User', {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'git.enabled': false, // the built-in git extension would scan the fixture repos too; Optimus does its own
  });
  mark(`${projects.length} fixture projects in ${root}`);

  phase = 'compiling the in-host suite';
  const suiteIndex = await buildSuite();
  mark('in-host suite compiled');

  phase = 'starting code-server';
  const server = await startCodeServer({
    entry,
    dataDir,
    logFile: path.join(artifacts, 'code-server.log'),
    // No extension gallery: the tests need none, and it would only be a lookup of open-vsx.org that fails offline.
    env: { OPTIMUS_E2E_EXPECTED: expectedFile, EXTENSIONS_GALLERY: '{}' },
  });
  cleanups.push(() => copyDir(path.join(server.dirs.userDataDir, 'logs'), path.join(artifacts, 'logs'))); // after stop
  cleanups.push(() => server.stop());
  mark(`code-server answering on ${server.url}`);

  phase = 'launching Chromium';
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const consoleLog = path.join(artifacts, 'browser-console.log');
  const workbenchLog = path.join(artifacts, 'workbench.log');
  const workbenchErrors = [];
  let suiteStarted = false;

  phase = 'running the in-host suite';
  const suite = await runInHostSuite(context, server.workbenchUrl({
    folder: root, extensionDevelopmentPath: extensionDir, extensionTestsPath: suiteIndex,
  }), {
    consoleLog,
    onVisible: (page) => { currentPage = page; mark('workbench visible (suite window)'); },
    onLog: (level, message) => {
      fs.appendFileSync(workbenchLog, `[${level}] ${message}\n`);
      if (message.startsWith(REPORT_MARK)) {
        if (!suiteStarted) mark('in-host suite started (extension host up)');
        suiteStarted = true;
        console.log(message.slice(REPORT_MARK.length));
      } else if (level === 'error') {
        workbenchErrors.push(message);
      }
    },
  });
  saveLogs(suite.logs, path.join(artifacts, 'suite-window-logs'));
  if (suite.code !== 0) await suite.page.screenshot({ path: path.join(artifacts, 'suite-window.png') });
  await suite.page.close();
  mark(`in-host suite finished with exit code ${suite.code}`);
  if (suite.code !== 0) {
    throw new Error(`the in-host suite failed (exit code ${suite.code}); its output is above. Errors the workbench logged:\n`
      + `${workbenchErrors.map((e) => `  ${e.split('\n').slice(0, 8).join('\n    ')}`).join('\n') || '  (none)'}`);
  }

  phase = 'driving the Projects tree';
  const uiPage = await driveProjectsTree(context, server.workbenchUrl({ folder: root, extensionDevelopmentPath: extensionDir }), projects, consoleLog, root);
  await uiPage.close();

  phase = 'checking the welcome view';
  // The same code-server (and Chromium) serve this window, which saves starting another (~1 s) and a fresh
  // browser. `optimus.roots` is machine-scoped: VS Code ignores it in a workspace's .vscode/settings.json, and
  // a code-server window takes it from the Remote settings (user-data/Machine/settings.json), which every
  // window of this code-server shares. So, with the other windows closed, that file is rewritten on disk and
  // then the window opened, which reads it as it loads. No folder is opened (`ew=true` stops code-server from
  // reopening the last one): a workspace folder is scanned too, and an existing one, even empty, gives the
  // "No projects were found" state instead. An empty ~/projects (HOME is a temp folder) makes the check tell
  // whether the setting reached the extension: with the default roots the view would say "No projects were found".
  writeSettings(dataDir, 'Machine', { 'optimus.roots': [missingRoot] });
  fs.mkdirSync(path.join(server.dirs.homeDir, 'projects'), { recursive: true });
  await checkWelcomeView(context, withQuery(server.workbenchUrl({ extensionDevelopmentPath: extensionDir }), 'ew=true'), missingRoot, consoleLog);
}

/** The real UI: activity bar → Optimus → Projects tree rows → context menu → Copy Path → clipboard. */
async function driveProjectsTree(context, url, projects, consoleLog, root) {
  const page = await openWorkbench(context, url, { consoleLog });
  currentPage = page;
  mark('workbench visible (UI window)');
  const view = new ProjectsView(page);
  await view.open();
  await view.rows().first().waitFor({ state: 'visible', timeout: 60_000 });
  mark('Projects tree shows rows');
  await view.expandGroups();
  for (const project of projects) {
    const description = await view.waitForDescription(project.name, project.description, 30_000);
    log(`  row ${project.name}: ${description || '(no description)'}`);
  }
  mark('every fixture project is in the tree with its branch and stack');
  await page.screenshot({ path: path.join(artifacts, 'projects-tree.png') });

  const target = projects[0];
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await view.contextMenu(target.name, 'Copy Path', { screenshot: path.join(artifacts, 'context-menu.png') });
  const clipboard = await waitForClipboard(page, target.path, 5000);
  if (clipboard !== target.path) throw new Error(`after "Copy Path" on ${target.name} the clipboard holds "${clipboard}", not "${target.path}"`);
  mark(`Copy Path from the context menu put ${target.path} on the clipboard`);

  const details = await view.expandProject(target.name);
  await page.screenshot({ path: path.join(artifacts, 'project-details.png') });
  mark(`expanding ${target.name} shows its details (first row: "${details}")`);
  await startAndStop(page, view, RUNNABLE_PROJECT);
  await diagnoseCrash(page, view, RUNNABLE_PROJECT, projects.find((p) => p.name === RUNNABLE_PROJECT)?.path ?? root);
  await diagnoseFailedCommand(page, projects.find((p) => p.name === RUNNABLE_PROJECT)?.path ?? root);
  await fixFromConsole(page, projects.find((p) => p.name === RUNNABLE_PROJECT)?.path ?? root);
  await openPortfolio(page, projects);
  await cardToProjectDetail(page, target, { mark });
  await rateUpdatesMoney(page, view, target, { mark });
  await askWhatsRunning(page, { mark });
  const runnable = projects.find((p) => p.name === RUNNABLE_PROJECT);
  if (runnable) await runtimeStops(page, runnable, await holdPort(runnable.path), { mark, artifacts });
  await screenshotPanels(page, artifacts, { mark });
  await panelsSurviveReload(page, { mark });
  return page;
}

/** The Portfolio panel in the real VS Code: a card per project, the charts, the activity heatmap. */
async function openPortfolio(page, projects) {
  await runCommand(page, 'Optimus: Open Portfolio');
  const app = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  for (const p of projects) await app.locator('button.card', { hasText: p.name }).first().waitFor({ state: 'attached', timeout: 20_000 });
  await app.getByRole('heading', { name: 'Health distribution' }).waitFor({ timeout: 10_000 });
  await app.locator('optimus-activity-heatmap').first().waitFor({ state: 'attached', timeout: 20_000 });
  await page.screenshot({ path: path.join(artifacts, 'portfolio.png') });
  mark(`the Portfolio panel shows a card for each of the ${projects.length} projects, with its charts`);
}

/** A project started from the tree crashes on a missing module: Optimus diagnoses its output in one notification. */
async function diagnoseCrash(page, view, name, projectDir) {
  const config = path.join(projectDir, '.optimus.json');
  const before = fs.readFileSync(config, 'utf8');
  fs.writeFileSync(path.join(projectDir, 'crash.js'), "require('left-pad-that-is-not-installed');\n");
  fs.writeFileSync(config, JSON.stringify({ start: 'node crash.js' }));
  try {
    await view.contextMenu(name, 'Start');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    await dialog.locator('.monaco-button', { hasText: /^Start$/ }).click();
    const toast = page.locator('.notification-toast', { hasText: `${name} crashed (exit 1)` });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const text = ((await toast.textContent()) ?? '').replace(/\s+/g, ' ');
    if (!text.includes("left-pad-that-is-not-installed")) throw new Error(`the crash notification does not name the missing module: "${text}"`);
    await page.screenshot({ path: path.join(artifacts, 'crash-notification.png') });
    mark(`a project started from the tree crashed, and its notification says: "${text.slice(0, 140)}"`);
    await toast.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => {});
  } finally {
    fs.writeFileSync(config, before);
  }
}

/** Listens on a free port from `projectDir`, as a leftover dev server would; returns its pid, port and exit. */
async function holdPort(projectDir) {
  const holder = spawn(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port))"], { cwd: projectDir, stdio: ['ignore', 'pipe', 'ignore'] });
  cleanups.push(() => { if (holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL'); });
  const port = await new Promise((resolve) => holder.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  const gone = (what) => Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`the holder of port ${port} still runs 15 s after ${what}`)), 15_000))]);
  return { pid: holder.pid, port, gone };
}

/** The troubleshooting console (a webview): paste an error, Ctrl+Enter, read the diagnosis, apply its fix. */
async function fixFromConsole(page, projectDir) {
  const { pid, port, gone } = await holdPort(projectDir);
  await runCommand(page, 'Optimus: Open Troubleshooting Console');
  const app = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const input = app.locator('vscode-textarea textarea');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(`Error: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n    at Server.setupListenHandle [as _listen2] (node:net:1908:16)`);
  await input.press('Control+Enter');
  await app.getByRole('heading', { name: 'Port already in use' }).waitFor({ timeout: 20_000 });
  await app.getByText(`held by node (pid ${pid}`).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(artifacts, 'troubleshooting-console.png') });
  mark(`the troubleshooting console diagnosed a pasted EADDRINUSE on port ${port}, held by pid ${pid}`);
  await app.locator('[data-fix-key]', { hasText: `Stop what listens on port ${port}` }).click();
  await gone('"Stop" in the console');
  mark(`its "Stop what listens on port ${port}" fix, applied from the console, stopped pid ${pid}`);
}

/**
 * A command fails in VS Code's own terminal because a port is taken by a process of a fixture project: Optimus
 * shows one notification naming the cause and the holder, and its "Stop what listens on port N" button frees it.
 */
async function diagnoseFailedCommand(page, projectDir) {
  const holder = await holdPort(projectDir);
  const port = holder.port;
  log(`  a process of ${path.basename(projectDir)} (pid ${holder.pid}) listens on port ${port}`);
  await runCommand(page, 'Terminal: Create New Terminal');
  const terminal = page.locator('.terminal-wrapper.active .xterm');
  await terminal.waitFor({ state: 'visible', timeout: 20_000 });
  await terminal.click();
  await page.waitForTimeout(1500); // the shell prints its prompt and VS Code's shell integration announces itself
  await page.keyboard.type(`node -e "require('net').createServer().listen(${port}, '127.0.0.1')"`);
  await page.keyboard.press('Enter');
  const toast = page.locator('.notification-toast', { hasText: `Port ${port} is taken by node (pid ${holder.pid}, project ${path.basename(projectDir)})` });
  await toast.waitFor({ state: 'visible', timeout: 30_000 });
  const text = ((await toast.textContent()) ?? '').replace(/\s+/g, ' ');
  if (!text.includes(`pid ${holder.pid}`)) throw new Error(`the notification does not name the holder (pid ${holder.pid}): "${text}"`);
  await page.screenshot({ path: path.join(artifacts, 'diagnosis-notification.png') });
  mark(`a failed command in the terminal gave the notification: "${text.slice(0, 160)}"`);
  await toast.locator('.monaco-button', { hasText: `Stop what listens on port ${port}` }).click();
  await holder.gone('"Stop" in the notification');
  await page.locator('.notification-toast', { hasText: `port ${port} is free` }).waitFor({ state: 'visible', timeout: 10_000 });
  mark(`its "Stop what listens on port ${port}" button stopped pid ${holder.pid}: the port is free`);
}

/** Start from the context menu, confirm the command, see the status bar and the row change, stop it again. */
async function startAndStop(page, view, name) {
  await view.contextMenu(name, 'Start');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const shown = (await dialog.textContent()) ?? '';
  if (!shown.includes('node index.js')) throw new Error(`the start confirmation does not show the command: "${shown}"`);
  await dialog.locator('.monaco-button', { hasText: /^Start$/ }).click();
  const runningItem = page.locator('.part.statusbar .statusbar-item', { hasText: /1 running/ });
  await runningItem.first().waitFor({ state: 'visible', timeout: 20_000 });
  const description = await view.waitForDescription(name, ['▶', ':'], 20_000);
  await page.screenshot({ path: path.join(artifacts, 'project-running.png') });
  mark(`started ${name} from its context menu: status bar "${(await runningItem.first().textContent())?.trim()}", row "${description}"`);
  await view.contextMenu(name, 'Stop');
  await page.locator('.part.statusbar .statusbar-item', { hasText: /none running/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
  mark(`stopped ${name} from its context menu: the status bar says none running`);

  await runCommand(page, 'Optimus: Show Audit Log');
  const lines = page.locator('.editor-instance .view-lines').first();
  await lines.filter({ hasText: /ok\s+vscode\s+stop/ }).waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await lines.textContent()) ?? '';
  for (const action of ['start', 'stop']) {
    if (!new RegExp(`ok\\s+vscode\\s+${action}\\s+\\S*${name}`).test(text.replace(/\u00a0/g, ' '))) throw new Error(`the audit log does not show the ${action} of ${name}: "${text.slice(0, 400)}"`);
  }
  mark('the audit log shows the start and the stop');
}

const NO_ROOTS_TEXT = 'None of the folders Optimus scans exists yet';
const ADD_ROOT_BUTTON = 'Add Projects Folder…';

/** The empty state: every root is missing, so the view shows package.json's `optimus.state == noRoots` welcome. */
async function checkWelcomeView(context, url, missingRoot, consoleLog) {
  if (fs.existsSync(missingRoot)) throw new Error(`${missingRoot} should not exist`);
  const page = await openWorkbench(context, url, { consoleLog });
  currentPage = page;
  mark('workbench visible (welcome window, no folder)');
  const view = new ProjectsView(page);
  await view.open();
  let welcome;
  try {
    welcome = await view.waitForWelcome(NO_ROOTS_TEXT, 30_000);
  } catch (err) {
    const shown = await page.locator('.part.sidebar').innerText().catch(() => '(unreadable)');
    throw new Error(`the Projects view did not show the welcome text "${NO_ROOTS_TEXT}…" with optimus.roots = `
      + `["${missingRoot}"] and no folder open (${err.message.split('\n')[0]}). The side bar shows:\n${shown}`);
  }
  await page.mouse.move(1200, 900); // no hover on the buttons
  await page.screenshot({ path: path.join(artifacts, 'welcome.png') });
  if (!welcome.buttons.includes(ADD_ROOT_BUTTON)) {
    throw new Error(`the welcome view shows the buttons ${JSON.stringify(welcome.buttons)}, without "${ADD_ROOT_BUTTON}"`);
  }
  if (await view.rows().count() > 0) throw new Error('the welcome view shows next to tree rows');
  mark(`the welcome view says "${welcome.text.split('\n')[0]}" with the buttons ${welcome.buttons.join(', ')}`);
  await page.close();
}

function checkPrerequisites() {
  const manifestFile = path.join(extensionDir, 'package.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`no extension in ${extensionDir} (${manifestFile} is missing)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const main = path.join(extensionDir, manifest.main ?? 'extension.js');
  if (!fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Error(`${path.relative(process.cwd(), main)} is missing: run \`npm run build\` first.`);
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: install it (Debian/Ubuntu, as root: apt-get install -y chromium) `
      + 'or set CHROMIUM_PATH.');
  }
}

/** Compiles test/e2e/suite/*.ts (with `vscode` and mocha left to the extension host) into .cache/e2e-suite/. */
async function buildSuite() {
  const dir = path.join(here, 'suite');
  fs.rmSync(suiteOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(suiteOut, 'index.js');
}

const withQuery = (url, param) => `${url}${url.includes('?') ? '&' : '?'}${param}`;

function copyDir(from, to) {
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
}

/** Runs the cleanups (newest first), prints the timings and exits with `code`. */
async function finish(code, error) {
  if (finishing) return;
  finishing = true;
  clearTimeout(timer);
  if (error) console.error(`\n[e2e] FAILED while ${phase}: ${error.stack ?? error.message ?? error}`);
  if (error && currentPage && !currentPage.isClosed()) {
    await currentPage.screenshot({ path: path.join(artifacts, 'failure.png'), timeout: 5000 }).catch(() => {});
  }
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (err) {
      console.error(`[e2e] cleanup failed: ${err.message}`);
    }
  }
  console.log(`\n[e2e] timings: ${timings.map(([what, ms]) => `${seconds(ms)} ${what}`).join('\n                ')}`);
  console.log(`[e2e] ${code === 0 ? 'passed' : 'FAILED'} in ${seconds()}; artifacts in ${path.relative(process.cwd(), artifacts) || artifacts}`);
  process.exit(code);
}

let timer;
/** (Re)starts the global deadline: when it passes, the run fails with the phase it was in. */
function armTimeout(ms) {
  clearTimeout(timer);
  timer = setTimeout(() => finish(1, new Error(`global timeout: not done after ${ms / 1000} s`)), ms);
}

armTimeout(TIMEOUT_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(130, new Error(`interrupted by ${signal}`)));
main().then(() => finish(0), (err) => finish(1, err));
