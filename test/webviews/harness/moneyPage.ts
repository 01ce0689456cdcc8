import type { Locator } from 'playwright-core';
import type { WebviewPage } from './consolePage';

/**
 * Where things are on the Money dashboard's page. Playwright's CSS locators go through open shadow roots, so
 * these name the component and the part of it.
 */
export const money = {
  figure: (view: WebviewPage, key: string): Locator => view.page.locator(`optimus-roi-figures [data-figure="${key}"] .value`),
  figureDetail: (view: WebviewPage, key: string): Locator => view.page.locator(`optimus-roi-figures [data-figure="${key}"] .detail`),
  rateInput: (view: WebviewPage): Locator => view.page.locator('optimus-rate-field vscode-textfield input'),
  rateError: (view: WebviewPage): Locator => view.page.locator('optimus-rate-field p.error'),
  formInput: (view: WebviewPage, id: 'name' | 'amount' | 'since'): Locator => view.page.locator(`optimus-entry-form vscode-textfield#${id} input`),
  formError: (view: WebviewPage): Locator => view.page.locator('optimus-entry-form p.error'),
  entries: (view: WebviewPage): Locator => view.page.locator('optimus-money-entries li.entry'),
  market: (view: WebviewPage): Locator => view.page.locator('optimus-market'),
  bars: (view: WebviewPage): Locator => view.page.locator('optimus-hours-chart rect.bar'),
  cards: (view: WebviewPage): Locator => view.page.locator('optimus-opportunity'),
};

/** Every `setRate` the page posted. */
export async function postedOfType(view: WebviewPage, type: string): Promise<Array<Record<string, unknown>>> {
  return (await view.posted()).filter((m): m is Record<string, unknown> => (m as { type?: unknown }).type === type);
}

/**
 * Milliseconds from the stand-in host posting `message` to the first frame painted with the labour figure
 * reading `labour`, measured inside the page ("painted": a requestAnimationFrame callback, then a
 * message-channel task once that frame is done).
 */
export function timeFiguresUpdateScript(message: unknown, labour: string): string {
  return `(async () => {
    const text = () => document.querySelector('optimus-money')?.shadowRoot?.querySelector('optimus-money-view')?.shadowRoot
      ?.querySelector('optimus-roi-figures')?.shadowRoot?.querySelector('[data-figure="labour"] .value')?.textContent ?? null;
    const t0 = performance.now();
    const handled = new Promise((resolve) => window.addEventListener('message', () => resolve(undefined), { once: true }));
    window.postMessage(${JSON.stringify(message)}, '*');
    await handled;
    // lit renders each component in its own microtask: wait for the figures' one.
    for (let i = 0; i < 50 && text() !== ${JSON.stringify(labour)}; i++) await new Promise((r) => setTimeout(r, 0));
    if (text() !== ${JSON.stringify(labour)}) throw new Error('the labour figure did not become ${labour}: ' + text());
    await new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(undefined); }));
    return performance.now() - t0;
  })()`;
}

/** What has the keyboard focus, by the name a screen reader would read first: its aria-label, else its text. */
export function focusedName(view: WebviewPage): Promise<string | null> {
  return view.page.evaluate<string | null>(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return el.getAttribute('aria-label') ?? el.textContent?.trim().replace(/\\s+/g, ' ') ?? null;
  })()`);
}

/** Presses Tab until the focus has `name`, at most `max` times; the names passed on the way, in order. */
export async function tabTo(view: WebviewPage, name: string, max = 40): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await view.page.keyboard.press('Tab');
    const focused = await focusedName(view);
    if (focused === name) return passed;
    passed.push(focused ?? '(nothing)');
  }
  throw new Error(`Tab did not reach "${name}" within ${max} presses; passed ${JSON.stringify(passed)}`);
}
