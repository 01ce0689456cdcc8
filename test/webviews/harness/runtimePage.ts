/**
 * Scripts run inside the Runtime monitor's page. Locators cannot hold on to one element across updates, so
 * these mark it in the page and ask later whether the element found is still the one marked.
 */

/** The row of the project at `path`, two shadow roots down; null when it is not shown. */
const ROW = `(path) => document.querySelector('optimus-runtime')?.shadowRoot?.querySelector('optimus-runtime-projects')?.shadowRoot?.querySelector('li.row[data-path="' + CSS.escape(path) + '"]') ?? null`;

/** The CPU or memory line of the row at `path`. */
const LINE = `(path, kind) => (${ROW})(path)?.querySelector('optimus-usage-chart[kind="' + kind + '"]')?.shadowRoot?.querySelector('path.line') ?? null`;

/** Remembers the row of `path` and its CPU chart element; returns the line's path data. */
export function markRowScript(path: string): string {
  return `(() => {
    const row = (${ROW})(${JSON.stringify(path)});
    window.__markedRow = row;
    window.__markedChart = row?.querySelector('optimus-usage-chart[kind="cpu"]') ?? null;
    return (${LINE})(${JSON.stringify(path)}, 'cpu')?.getAttribute('d') ?? null;
  })()`;
}

/** Whether the row and chart of `path` shown now are the elements marked before, and the line's path data now. */
export function markedRowScript(path: string): string {
  return `(() => {
    const row = (${ROW})(${JSON.stringify(path)});
    return {
      sameRow: row !== null && row === window.__markedRow,
      sameChart: row !== null && row.querySelector('optimus-usage-chart[kind="cpu"]') === window.__markedChart,
      d: (${LINE})(${JSON.stringify(path)}, 'cpu')?.getAttribute('d') ?? null,
    };
  })()`;
}

/** The computed stroke of a row's CPU or memory line. */
export function lineStrokeScript(path: string, kind: 'cpu' | 'memory'): string {
  return `(() => { const line = (${LINE})(${JSON.stringify(path)}, ${JSON.stringify(kind)}); return line ? getComputedStyle(line).stroke : null; })()`;
}

export interface LiveTiming {
  /** Message posted → frame painted. */
  ms: number;
  /** The page's own work in that time: handling the message plus rendering the frame. */
  workMs: number;
  /** Rows added or removed meanwhile (the list's children changed). */
  rowsChanged: boolean;
}

/**
 * Timing from posting a live update to the frame painted with the chart of `path` redrawn: "painted" is a
 * requestAnimationFrame callback followed by a message-channel task, which runs once that frame is done.
 */
export function timeLiveUpdateScript(message: unknown, path: string): string {
  return `(async () => {
    const line = () => (${LINE})(${JSON.stringify(path)}, 'cpu');
    const list = document.querySelector('optimus-runtime').shadowRoot.querySelector('optimus-runtime-projects').shadowRoot.querySelector('ul.rows');
    let rowsChanged = false;
    const observer = new MutationObserver((records) => { if (records.some((r) => r.addedNodes.length > 0 || r.removedNodes.length > 0)) rowsChanged = true; });
    observer.observe(list, { childList: true });
    const before = line()?.getAttribute('d');
    const t0 = performance.now();
    const handled = await new Promise((resolve) => {
      window.addEventListener('message', () => resolve(performance.now()), { once: true });
      window.postMessage(${JSON.stringify(message)}, '*');
    });
    // A listener added now runs after the page's own, and lit's updates (microtasks, the app's, the list's and
    // each chart's) have all run by then, so the DOM holds the result.
    if (line()?.getAttribute('d') === before) throw new Error('the chart did not change once the page had handled the update');
    const [frame, painted] = await new Promise((resolve) => requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve([start, performance.now()]);
      channel.port2.postMessage(undefined);
    }));
    observer.disconnect();
    return { ms: painted - t0, workMs: handled - t0 + (painted - frame), rowsChanged };
  })()`;
}
