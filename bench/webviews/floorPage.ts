/**
 * The floor the panels' times are put beside, measured in the same Chromium in the same run: a blank page (no
 * lit, no script of ours, no style) gets the same message the panel got, and on it shows the same DOM the panel
 * drew, as plain HTML. "The same DOM" is the panel's composed tree (its shadow roots and slots flattened in
 * place), serialized once from the real page. Timed as test/webviews/harness/portfolioTiming.ts times a panel:
 * from posting the message to the frame painted after it, a requestAnimationFrame callback followed by a
 * message-channel task.
 */
import type { Browser, Page } from 'playwright-core';
import type { Timing } from '../../test/webviews/harness/portfolioTiming';

/** The viewport WebviewPage.open (test/webviews/harness/consolePage.ts) gives each panel. */
export const VIEWPORT = { width: 1100, height: 900 };

export interface Snapshot {
  html: string;
  /** Elements and text nodes in it. */
  nodes: number;
}

/**
 * The composed tree under the element `selector` finds, as plain HTML: each shadow root in place of its host's
 * children, each slot replaced by what is assigned to it; styles, scripts and lit's comment markers left out.
 */
export function snapshotScript(selector: string): string {
  return `(() => {
    const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
    const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const quoted = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const out = [];
    let nodes = 0;
    const walk = (n) => {
      if (n.nodeType === Node.TEXT_NODE) {
        nodes++;
        out.push(text(n.data));
        return;
      }
      if (n.nodeType !== Node.ELEMENT_NODE) return;
      const tag = n.localName;
      if (tag === 'style' || tag === 'script' || tag === 'template') return;
      if (tag === 'slot') {
        const assigned = n.assignedNodes({ flatten: true });
        for (const c of assigned.length > 0 ? assigned : n.childNodes) walk(c);
        return;
      }
      nodes++;
      out.push('<' + tag + [...n.attributes].map((a) => ' ' + a.name + '="' + quoted(a.value) + '"').join('') + '>');
      for (const c of (n.shadowRoot ?? n).childNodes) walk(c);
      if (!VOID.has(tag)) out.push('</' + tag + '>');
    };
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) throw new Error('nothing to take a snapshot of: ' + ${JSON.stringify(selector)});
    walk(root);
    return { html: out.join(''), nodes };
  })()`;
}

/** In-page helpers: the painted frame, as the harness waits for it. */
const NEXT_PAINT = `() => new Promise((resolve) => requestAnimationFrame(() => {
  const start = performance.now();
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve([start, performance.now()]);
  channel.port2.postMessage(undefined);
}))`;

export class FloorPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<FloorPage> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><main id="root"></main></body></html>');
    return new FloorPage(page);
  }

  /** Shows `html` (not timed) and waits until two frames have been painted with it. */
  async show(html: string): Promise<void> {
    await this.page.evaluate(`(async () => {
      const nextPaint = ${NEXT_PAINT};
      document.getElementById('root').innerHTML = ${JSON.stringify(html)};
      await nextPaint();
      await nextPaint();
    })()`);
  }

  /** Keeps `html` in the page for `replaceWith` (sent once: a snapshot of 200 cards is a few hundred KB). */
  async keep(html: string): Promise<void> {
    await this.page.evaluate(`void (window.__floorHtml = ${JSON.stringify(html)})`);
  }

  /** Posts `message`; on it, the page replaces what it shows with the HTML it keeps. Timed to the painted frame. */
  replaceWith(message: unknown): Promise<Timing> {
    return this.timed(message, `document.getElementById('root').innerHTML = window.__floorHtml;`);
  }

  /** Posts `message`; on it, the page changes one text of what it shows (the first that is not blank). Timed to the painted frame. */
  changeOneText(message: unknown): Promise<Timing> {
    return this.timed(
      message,
      `const walker = document.createTreeWalker(document.getElementById('root'), NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
       const node = walker.nextNode();
       if (!node) throw new Error('no text to change');
       node.data = node.data.endsWith('·') ? node.data.slice(0, -1) : node.data + '·';`,
    );
  }

  /** Message posted → handled (running `onMessage`) → frame painted, counted as portfolioTiming.ts counts a panel's. */
  private timed(message: unknown, onMessage: string): Promise<Timing> {
    return this.page.evaluate<Timing>(`(async () => {
      const nextPaint = ${NEXT_PAINT};
      const message = ${JSON.stringify(message)};
      const t0 = performance.now();
      const handled = await new Promise((resolve) => {
        window.addEventListener('message', () => { ${onMessage} resolve(performance.now()); }, { once: true });
        window.postMessage(message, '*');
      });
      const [frame, painted] = await nextPaint();
      return { ms: painted - t0, workMs: handled - t0 + (painted - frame) };
    })()`);
  }

  /** The interval between frames this Chromium paints when asked for one after another (median of `frames`). */
  frameIntervalMs(frames = 31): Promise<number> {
    return this.page.evaluate<number>(`new Promise((resolve) => {
      const at = [];
      const step = (t) => {
        at.push(t);
        if (at.length <= ${frames}) return void requestAnimationFrame(step);
        const gaps = at.slice(1).map((t, i) => t - at[i]).sort((a, b) => a - b);
        resolve(gaps[Math.floor(gaps.length / 2)]);
      };
      requestAnimationFrame(step);
    })`);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
