import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { newNonce, webviewHtml } from '../../../extension/webviews/webviewHtml';
import { webviewBundles } from './bundle';
import { DEEP_FOCUS_SCRIPT, STAND_IN_SCRIPT } from './standIn';

/** Where the page is served from: stands for VS Code's webview resource origin (`webview.cspSource`). */
const ORIGIN = 'https://optimus-webview.test';

interface PageGlobals {
  __posted: unknown[];
  __cspViolations: string[];
  __pwned?: unknown;
}

export interface DeepFocus {
  tag: string;
  host: string | null;
  fixKey: string | null;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * A webview app in real Chromium, loaded as the extension host loads it (the same HTML and CSP, from
 * extension/webviews/webviewHtml.ts), with the stand-in for the VS Code webview host around it.
 */
export class WebviewPage {
  readonly pageErrors: string[] = [];
  readonly consoleLines: string[] = [];
  /** Requests for anything but the page's own files: a webview must make none. */
  readonly foreignRequests: string[] = [];

  private constructor(readonly page: Page) {}

  static async open(browser: Browser, app: string): Promise<WebviewPage> {
    const bundles = await webviewBundles();
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const view = new WebviewPage(page);
    page.on('pageerror', (e) => view.pageErrors.push(e.message));
    page.on('console', (m) => view.consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('request', (r) => void (r.url().startsWith(`${ORIGIN}/`) || view.foreignRequests.push(r.url())));
    await page.addInitScript(STAND_IN_SCRIPT);
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') {
        const html = webviewHtml({ title: app, cspSource: ORIGIN, nonce: newNonce(), script: `${ORIGIN}/${app}.js`, style: `${ORIGIN}/${app}.css` });
        return route.fulfill({ contentType: 'text/html', body: html });
      }
      const file = path.join(bundles, path.basename(url.pathname));
      const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
      return route.fulfill({ contentType: type, body: await readFile(file).catch(() => '') });
    });
    await view.load();
    return view;
  }

  /** Loads (or reloads) the page and waits for the app to say it is ready. */
  async load(): Promise<void> {
    await this.page.goto(`${ORIGIN}/`);
    await this.waitForPosted('ready');
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForPosted('ready');
  }

  /** A message from the host, delivered the way VS Code delivers it: a `message` event on the window. */
  async send(message: unknown): Promise<void> {
    await this.page.evaluate((m) => (globalThis as unknown as { postMessage(message: unknown, origin: string): void }).postMessage(m, '*'), message);
  }

  /** Everything the page posted to the host since it was loaded. */
  posted(): Promise<unknown[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);
  }

  /** Waits for a posted message of that type, and returns the last one. */
  async waitForPosted(type: string): Promise<Record<string, unknown>> {
    const handle = await this.page.waitForFunction((t) => {
      const found = (globalThis as unknown as PageGlobals).__posted.filter((m) => (m as { type?: unknown }).type === t);
      return found.length > 0 ? found[found.length - 1] : undefined;
    }, type);
    return (await handle.jsonValue()) as Record<string, unknown>;
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => void ((globalThis as unknown as PageGlobals).__posted = []));
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations);
  }

  pwned(): Promise<boolean> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned !== undefined);
  }

  deepFocus(): Promise<DeepFocus | null> {
    return this.page.evaluate<DeepFocus | null>(DEEP_FOCUS_SCRIPT);
  }

  /** Waits until the form control `selector` finds holds `value`. */
  async waitForValue(selector: string, value: string): Promise<void> {
    const control = await this.page.locator(selector).elementHandle();
    await this.page.waitForFunction(([el, v]) => (el as unknown as { value: string }).value === v, [control, value] as const);
  }

  /** Presses Tab until `reached` says so, at most `max` times; returns the focus it stopped at. */
  async tabUntil(reached: (focus: DeepFocus | null) => boolean, max = 30): Promise<DeepFocus | null> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      const focus = await this.deepFocus();
      if (reached(focus)) return focus;
    }
    throw new Error(`Tab did not reach the element within ${max} presses; focus ended on ${JSON.stringify(await this.deepFocus())}`);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
