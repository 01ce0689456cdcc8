// Page objects for the VS Code web workbench served by code-server, driven with playwright-core.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Opens `url` in a new page, forwarding the page's console errors to `consoleLog` (a file path).
 * Resolves once the workbench is on screen.
 */
export async function openWorkbench(context, url, { consoleLog, beforeLoad } = {}) {
  const page = await context.newPage();
  const lines = [];
  const flush = () => consoleLog && fs.appendFileSync(consoleLog, lines.splice(0).join(''));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') lines.push(`[${msg.type()}] ${msg.text()}\n`);
    if (lines.length > 50) flush();
  });
  page.on('pageerror', (err) => lines.push(`[pageerror] ${err.stack ?? err.message}\n`));
  page.on('close', flush);
  if (beforeLoad) await beforeLoad(page);
  await page.goto(url);
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
  return page;
}

/**
 * Runs the extension's in-host mocha suite (the workbench URL carries `extensionTestsPath`): forwards its
 * output to `onLog` and resolves with the exit code VS Code reports when the tests finish, plus the window's
 * log files (`[{ relativePath, contents }]`).
 */
export async function runInHostSuite(context, url, { onLog, onVisible, consoleLog }) {
  let reportExit;
  let reportCrash;
  const exited = new Promise((resolve, reject) => { reportExit = resolve; reportCrash = reject; });
  const page = await openWorkbench(context, url, {
    consoleLog,
    beforeLoad: async (p) => {
      p.once('crash', () => reportCrash(new Error('the browser page crashed while the in-host suite ran')));
      await p.exposeFunction('codeAutomationLog', (level, message) => onLog(level, String(message)));
      await p.exposeFunction('codeAutomationExit', (code, logs) => reportExit({ code, logs: logs ?? [] }));
    },
  });
  onVisible?.(page);
  const result = await exited;
  return { ...result, page };
}

/** The Optimus view container and its Projects tree. */
export class ProjectsView {
  constructor(page) {
    this.page = page;
  }

  /** Clicks the "Optimus" activity bar entry (shown once the extension's contributions are known). */
  async open() {
    const entry = this.page.locator('.part.activitybar .action-item').filter({
      has: this.page.locator('[aria-label^="Optimus"]'),
    }).or(this.page.locator('.part.activitybar .action-item[aria-label^="Optimus"]')).first();
    await entry.waitFor({ state: 'visible', timeout: 60_000 });
    await entry.click();
    await this.page.locator('.part.sidebar .composite.title').filter({ hasText: /optimus/i }).waitFor({ timeout: 10_000 });
    await this.widenSideBar(560);
  }

  /** Drags the side bar's edge so rows show their whole description (and screenshots are readable). */
  async widenSideBar(width) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (box && box.width < width) {
      const y = box.y + box.height / 2;
      await this.page.mouse.move(box.x + box.width - 1, y);
      await this.page.mouse.down();
      await this.page.mouse.move(box.x + width, y, { steps: 5 });
      await this.page.mouse.up();
    }
    await this.page.mouse.move(box ? box.x + width + 200 : 900, 500); // no hover tooltip over the view
  }

  /** Every row of the tree currently rendered. */
  rows() {
    return this.page.locator('.part.sidebar .monaco-list-row');
  }

  /** The row whose label is exactly `name`. */
  row(name) {
    return this.rows().filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escape(name)}$`) }) });
  }

  /** Expands collapsed top-level rows (the groups) until none is left, so all project rows render. */
  async expandGroups() {
    for (let i = 0; i < 50; i++) {
      const collapsed = this.page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-expanded="false"]');
      if (await collapsed.count() === 0) return;
      await collapsed.first().locator('.monaco-tl-twistie').click();
    }
  }

  /**
   * Waits until the row `name` is rendered with a description holding every one of `words` (rows redraw as
   * the scan fills in git state) and returns that description; throws with the last one seen on timeout.
   */
  async waitForDescription(name, words, timeout) {
    const row = this.row(name);
    const deadline = Date.now() + timeout;
    await row.waitFor({ state: 'visible', timeout });
    for (;;) {
      const text = (await row.locator('.label-description').allTextContents()).join(' ').trim();
      const missing = words.filter((word) => !text.includes(word));
      if (missing.length === 0) return text;
      if (Date.now() > deadline) {
        throw new Error(`row "${name}" shows "${text}", which lacks ${missing.map((w) => `"${w}"`).join(', ')}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** Right-clicks the row `name`, and clicks `item` in the context menu that opens. */
  async contextMenu(name, item, { screenshot } = {}) {
    await this.row(name).click({ button: 'right' });
    const entry = this.page.locator('.monaco-menu .action-item').filter({
      has: this.page.locator('.action-label', { hasText: new RegExp(`^${escape(item)}$`) }),
    });
    await entry.waitFor({ state: 'visible', timeout: 10_000 });
    if (screenshot) await this.page.screenshot({ path: screenshot });
    await entry.click();
    await entry.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Expands the project row `name` and returns the text (label and description) of its first child row. */
  async expandProject(name) {
    const row = this.row(name);
    if (await row.getAttribute('aria-expanded') === 'false') await row.locator('.monaco-tl-twistie').click();
    const level = Number(await row.getAttribute('aria-level'));
    const index = Number(await row.getAttribute('data-index'));
    const firstChild = this.page.locator(`.part.sidebar .monaco-list-row[data-index="${index + 1}"][aria-level="${level + 1}"]`);
    await firstChild.waitFor({ state: 'visible', timeout: 10_000 });
    const parts = await firstChild.locator('.label-name, .label-description').allTextContents();
    return parts.map((t) => t.trim()).filter(Boolean).join(' ');
  }
}

/**
 * Reads the page's clipboard (needs the clipboard-read permission) until it holds `expected` or `timeoutMs`
 * passes (commands write it asynchronously); returns what it last held.
 */
export async function waitForClipboard(page, expected, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text === expected || Date.now() > deadline) return text;
    await page.waitForTimeout(100);
  }
}

/** Saves the log files VS Code handed to codeAutomationExit under `dir`. */
export function saveLogs(logs, dir) {
  for (const { relativePath, contents } of logs) {
    const file = path.join(dir, relativePath);
    if (!file.startsWith(dir)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
