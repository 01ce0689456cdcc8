import type { Page } from 'playwright-core';

/**
 * In-page scripts for the Next actions list of Project detail and the Portfolio (`app` is the page's root
 * element). The list lives two shadow roots down, which playwright's locators pierce but `document.activeElement`
 * does not.
 */

export interface FocusedNextAction {
  /** `button` for the Portfolio's item (it opens the project), `vscode-button` for an action. */
  tag: string;
  /** The item's id. */
  id: string | null;
}

/** The item part of the Next actions list that has the keyboard focus; null when focus is elsewhere. */
export const FOCUSED_NEXT_ACTION_SCRIPT = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const root = el && el.getRootNode();
  if (!(root instanceof ShadowRoot) || root.host.tagName.toLowerCase() !== 'optimus-next-actions') return null;
  return { tag: el.tagName.toLowerCase(), id: el.closest('li')?.getAttribute('data-id') ?? null };
})()`;

export interface NextActionColours {
  text: string;
  highBorder: string;
  highDot: string;
  mediumDot: string;
  error: string;
}

/** The colours the browser computed for a badge's text, a high and a medium impact's marks, and the error line. */
export function nextActionColoursScript(app: string): string {
  return `(() => {
    const list = document.querySelector(${JSON.stringify(app)}).shadowRoot.querySelector('optimus-next-actions').shadowRoot;
    const high = list.querySelector('.badge.impact-high');
    const medium = list.querySelector('.badge.impact-medium');
    return {
      text: getComputedStyle(high).color,
      highBorder: getComputedStyle(high).borderTopColor,
      highDot: getComputedStyle(high, '::before').backgroundColor,
      mediumDot: getComputedStyle(medium, '::before').backgroundColor,
      error: getComputedStyle(list.querySelector('.error')).color,
    };
  })()`;
}

export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

interface SavingWindow {
  sessionStorage: { getItem(key: string): string | null };
}

/**
 * Waits until the state the page saved with VS Code (the stand-in keeps it in sessionStorage) holds `text`. A
 * function, not a string: a string predicate is evaluated on every poll, which the page's CSP (no eval) refuses.
 */
export async function waitForSaved(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => ((globalThis as unknown as SavingWindow).sessionStorage.getItem('optimus-webview-state') ?? '').includes(t), text);
}
