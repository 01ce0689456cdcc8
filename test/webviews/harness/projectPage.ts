import type { WebviewPage } from './consolePage';

/**
 * In-page scripts for the Project detail page. Its parts live two shadow roots down (the app, then each part),
 * which playwright's locators pierce but `document.activeElement` does not.
 */

/** The treemap tile that has the keyboard focus, as its `data-t` and aria label; null when focus is elsewhere. */
export const FOCUSED_TILE_SCRIPT = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el && el.classList && el.classList.contains('tile') ? { t: Number(el.getAttribute('data-t')), label: el.getAttribute('aria-label') } : null;
})()`;

/** The finding or function button that has the keyboard focus, as its `data-i`; null when focus is elsewhere. */
export const FOCUSED_ITEM_SCRIPT = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const host = el && el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host.tagName.toLowerCase() : null;
  return el && el.hasAttribute && el.hasAttribute('data-i') ? { host, i: Number(el.getAttribute('data-i')) } : null;
})()`;

export interface PaintTiming {
  /** Message posted → frame painted with every tile. */
  ms: number;
  tiles: number;
}

/**
 * Times posting `message` to the first frame painted with the treemap's tiles: a requestAnimationFrame callback
 * followed by a message-channel task runs once that frame is painted, so playwright's polling is not counted.
 */
export function timeTreemapPaintedScript(message: unknown): string {
  return `(async () => {
    const treemap = () => document.querySelector('optimus-project')?.shadowRoot?.querySelector('optimus-hotspot-treemap')?.shadowRoot ?? null;
    const t0 = performance.now();
    window.postMessage(${JSON.stringify(message)}, '*');
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(undefined);
      }));
      const tiles = treemap()?.querySelectorAll('rect.tile').length ?? 0;
      if (tiles > 0) return { ms: performance.now() - t0, tiles };
      if (performance.now() - t0 > 10000) throw new Error('the treemap was not drawn');
    }
  })()`;
}

/** Sends the host's messages in order. */
export async function sendAll(view: WebviewPage, messages: readonly unknown[]): Promise<void> {
  for (const m of messages) await view.send(m);
}

interface PageGlobals {
  document: { querySelector(s: string): { shadowRoot: { querySelector(s: string): { shadowRoot: { querySelectorAll(s: string): { length: number } } | null } | null } | null } | null };
  sessionStorage: { getItem(key: string): string | null };
}

/**
 * True once the dependencies table has `rows` rows. A function, not a string: waitForFunction polls a string by
 * eval, which the page's CSP refuses.
 */
export function dependencyRows(rows: number): boolean {
  const page = globalThis as unknown as PageGlobals;
  return page.document.querySelector('optimus-project')?.shadowRoot?.querySelector('optimus-dependencies-table')?.shadowRoot?.querySelectorAll('tbody tr').length === rows;
}

/** True once the state the page saved with VS Code (the stand-in keeps it in sessionStorage) holds `text`. */
export function savedStateHolds(text: string): boolean {
  return ((globalThis as unknown as PageGlobals).sessionStorage.getItem('optimus-webview-state') ?? '').includes(text);
}

/** Replaces the page's saved state, as an older build might have left it. */
export function setSavedStateScript(state: unknown): string {
  return `sessionStorage.setItem('optimus-webview-state', ${JSON.stringify(JSON.stringify(state))})`;
}
