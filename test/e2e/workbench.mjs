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

/** Runs the command titled `title` (as the Command Palette lists it) through F1; leaves its quick pick, if any, open. */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escape(title)}$`) }),
  }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click(); // not Enter: the first row can be another command whose title also matches
}

/**
 * Switches the color theme to the one labelled `label` in the theme picker ("Light Modern", "Dark Modern") and
 * waits for the workbench to show it. The picker, not the `workbench.colorTheme` user setting: a window with
 * `extensionDevelopmentPath` in code-server 4.100.3 was seen keeping Light+ whatever that setting said.
 */
export async function selectColorTheme(page, label) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escape(label)}$`) }),
  });
  await row.first().waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(label);
  await row.first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  const themeClass = `vscode-theme-defaults-themes-${label.toLowerCase().replace(/\W+/g, '_')}-json`;
  await page.locator(`.monaco-workbench.${themeClass}`).waitFor({ state: 'attached', timeout: 10_000 });
}

/** The Optimus view container and its Projects tree. */
/** The Projects view's pane in the side bar (the Optimus container also holds the Running view). */
export const PROJECTS_PANE = '.part.sidebar .pane:has(> .pane-header[aria-label^="Projects"])';

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
    const title = this.page.locator('.part.sidebar .composite.title').filter({ hasText: /optimus/i });
    // A window can restore the view open (code-server remembers the last one): clicking it then would close it.
    if (!await title.isVisible()) await entry.click();
    await title.waitFor({ timeout: 10_000 });
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
    return this.page.locator(`${PROJECTS_PANE} .monaco-list-row`);
  }

  /** The row whose label is exactly `name`. */
  row(name) {
    return this.rows().filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escape(name)}$`) }) });
  }

  /** Expands collapsed top-level rows (the groups) until none is left, so all project rows render. */
  async expandGroups() {
    for (let i = 0; i < 50; i++) {
      const collapsed = this.page.locator(`${PROJECTS_PANE} .monaco-list-row[aria-level="1"][aria-expanded="false"]`);
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
    const entry = await this.openContextMenu(name, item);
    if (screenshot) await this.page.screenshot({ path: screenshot });
    // The menu ignores a mouse-up that lands on an item right after it opened under the pointer (the first
    // item sits where the right-click was): move onto the item first, then click.
    await entry.hover();
    await this.page.waitForTimeout(150);
    await entry.click();
    await entry.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /**
   * Right-clicks the row `name` (at `position` in it, default its middle) and waits for its context menu (for its
   * item `item`, when given); returns that item (or the menu). The menu stays open: Escape closes it.
   */
  async openContextMenu(name, item, { position } = {}) {
    await this.row(name).click({ button: 'right', ...(position ? { position } : {}) });
    const target = item
      ? this.page.locator('.monaco-menu .action-item').filter({
        has: this.page.locator('.action-label', { hasText: new RegExp(`^${escape(item)}$`) }),
      })
      : this.menu().locator('.action-item').first();
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    return item ? target : this.menu();
  }

  /** The context menu open now (if any). */
  menu() {
    return this.page.locator('.monaco-menu').first();
  }

  /** The labels of the items of the open context menu, in order (separators left out). */
  async menuItems() {
    const labels = await this.menu().locator('.action-item:not(.disabled) .action-label').allTextContents();
    return labels.map((t) => t.trim()).filter(Boolean);
  }

  /**
   * Expands the row `name` (a group, a project or a detail line such as "Git") unless it is expanded already,
   * and waits for its children to render. With `under`, the row must be a descendant of the row `under`
   * (detail labels like "Git" repeat under every expanded project).
   */
  async expandRow(name, { under } = {}) {
    const row = under ? await this.descendant(under, name) : this.row(name).first();
    if (await row.getAttribute('aria-expanded') === 'false') await row.locator('.monaco-tl-twistie').click();
    const index = Number(await row.getAttribute('data-index'));
    const level = Number(await row.getAttribute('aria-level'));
    await this.page.locator(`${PROJECTS_PANE} .monaco-list-row[data-index="${index + 1}"][aria-level="${level + 1}"]`)
      .waitFor({ state: 'visible', timeout: 10_000 });
    return row;
  }

  /** Collapses every expanded top-level row (group) whose label is not in `keep`. */
  async collapseGroups({ keep = [] } = {}) {
    for (let i = 0; i < 50; i++) {
      const expanded = await this.page.locator(`${PROJECTS_PANE} .monaco-list-row[aria-level="1"][aria-expanded="true"]`).all();
      let clicked = false;
      for (const row of expanded) {
        const label = (await row.locator('.label-name').first().textContent())?.trim();
        if (keep.includes(label)) continue;
        await row.locator('.monaco-tl-twistie').click();
        clicked = true;
        break; // the rows below moved: look again
      }
      if (!clicked) return;
    }
  }

  /** The label of the top-level row (group) above the row `name`. */
  async groupOf(name) {
    const index = Number(await this.row(name).first().getAttribute('data-index'));
    for (let i = index - 1; i >= 0; i--) {
      const row = this.page.locator(`${PROJECTS_PANE} .monaco-list-row[data-index="${i}"][aria-level="1"]`);
      if (await row.count()) return (await row.locator('.label-name').first().textContent())?.trim();
    }
    return undefined;
  }

  /** The rendered row labelled `name` that is below the row `ancestor` (the first one, in tree order). */
  async descendant(ancestor, name) {
    const top = this.row(ancestor).first();
    const start = Number(await top.getAttribute('data-index'));
    const level = Number(await top.getAttribute('aria-level'));
    const candidates = await this.row(name).all();
    for (const row of candidates) {
      const index = Number(await row.getAttribute('data-index'));
      if (index <= start || Number(await row.getAttribute('aria-level')) <= level) continue;
      // no row between them may be at the ancestor's level or above
      let inside = true;
      for (let i = start + 1; i < index && inside; i++) {
        const between = this.page.locator(`${PROJECTS_PANE} .monaco-list-row[data-index="${i}"]`);
        if (await between.count() && Number(await between.getAttribute('aria-level')) <= level) inside = false;
      }
      if (inside) return row;
    }
    throw new Error(`no row "${name}" is shown under "${ancestor}"`);
  }

  /**
   * Waits for the view's welcome content (shown while the tree is empty) to contain `text` and returns what it
   * shows: `{ text, buttons }` (the paragraphs' text and the buttons' labels).
   */
  async waitForWelcome(text, timeout) {
    const content = this.welcome();
    await content.filter({ hasText: text }).waitFor({ state: 'visible', timeout });
    const paragraphs = await content.locator('p').allTextContents();
    const buttons = await content.locator('.monaco-button').allTextContents();
    return { text: paragraphs.map((t) => t.trim()).filter(Boolean).join('\n'), buttons: buttons.map((t) => t.trim()) };
  }

  /** The welcome content of the Projects view (VS Code renders it in place of the empty tree). */
  welcome() {
    return this.page.locator(`${PROJECTS_PANE} .welcome-view-content`);
  }

  /** Expands the project row `name` and returns the text (label and description) of its first child row. */
  async expandProject(name) {
    const row = this.row(name);
    if (await row.getAttribute('aria-expanded') === 'false') await row.locator('.monaco-tl-twistie').click();
    const level = Number(await row.getAttribute('aria-level'));
    const index = Number(await row.getAttribute('data-index'));
    const firstChild = this.page.locator(`${PROJECTS_PANE} .monaco-list-row[data-index="${index + 1}"][aria-level="${level + 1}"]`);
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
