/**
 * Timings taken inside the page, from the moment the stand-in host posts a message to the first frame painted
 * after the page shows its effect, so neither playwright's round trips nor its polling are counted. "Painted"
 * is a requestAnimationFrame callback (the frame begins) followed by a message-channel task, which runs once
 * that frame's style, layout and paint are done.
 */

export interface Timing {
  /** Message posted → frame painted: what the user waits, including the wait for the display's next frame. */
  ms: number;
  /** The page's own work in that time: handling the message (script, DOM) plus rendering the frame. */
  workMs: number;
}

export interface UpdateTiming extends Timing {
  /** The cards whose DOM changed (by path); "list" when the list itself gained or lost an item. */
  touched: string[];
}

/** In-page helpers the scripts below share; the grid lives two shadow roots down. */
const PAGE_HELPERS = `
  const grid = () => document.querySelector('optimus-portfolio')?.shadowRoot?.querySelector('optimus-card-grid')?.shadowRoot ?? null;
  /** Resolves with [frame start, painted] times. */
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const start = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve([start, performance.now()]);
    channel.port2.postMessage(undefined);
  }));
  /**
   * Posts as the host does and resolves once the page has handled it: a listener added now runs after the
   * page's own, and lit's updates (microtasks) have run by then, so the DOM holds the result.
   */
  const postAndHandled = (message) => {
    const handled = new Promise((resolve) => window.addEventListener('message', () => resolve(performance.now()), { once: true }));
    window.postMessage(message, '*');
    return handled;
  };
  /** Posts, checks the result with \`done\`, and times it to the painted frame. */
  const timed = async (message, done, what) => {
    const t0 = performance.now();
    const handled = await postAndHandled(message);
    if (!done()) throw new Error('the page did not show ' + what + ' once it had handled the message');
    const [frame, painted] = await nextPaint();
    return { ms: painted - t0, workMs: handled - t0 + (painted - frame) };
  };
`;

/** Timing from posting `message` to the frame painted with `expected` cards in the grid. */
export function timeCardsPaintedScript(message: unknown, expected: number): string {
  return `(async () => {
    ${PAGE_HELPERS}
    return timed(${JSON.stringify(message)}, () => (grid()?.querySelectorAll('button.card').length ?? 0) === ${expected}, '${expected} cards');
  })()`;
}

/** Timing from posting a live update to the frame painted with the card at `path` in run state `state`, and which cards' DOM changed meanwhile. */
export function timeCardUpdateScript(message: unknown, path: string, state: string): string {
  return `(async () => {
    ${PAGE_HELPERS}
    const path = ${JSON.stringify(path)};
    const root = grid();
    const touched = new Set();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
        const card = el?.closest('li.cell')?.querySelector('button.card');
        touched.add(card ? card.dataset.path : 'list');
      }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const button = () => [...root.querySelectorAll('button.card')].find((b) => b.dataset.path === path);
    const timing = await timed(${JSON.stringify(message)}, () => button()?.dataset.run === ${JSON.stringify(state)}, 'the new state');
    observer.disconnect();
    return { ...timing, touched: [...touched] };
  })()`;
}
