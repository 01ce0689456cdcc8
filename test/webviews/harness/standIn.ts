/**
 * The stand-in for the VS Code webview host, run in the page before its own script: `acquireVsCodeApi` (once
 * per page, as in VS Code) records what the page posts, and keeps its state in sessionStorage so it survives a
 * reload as VS Code keeps it across hide/show. Messages go through JSON to copy them as VS Code's structured
 * clone does. It also records CSP violations, which the tests expect none of.
 */
export const STAND_IN_SCRIPT = `(() => {
  const STATE = 'optimus-webview-state';
  const w = window;
  w.__posted = [];
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  let acquired = false;
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => void w.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => {
        const saved = sessionStorage.getItem(STATE);
        return saved === null ? undefined : JSON.parse(saved);
      },
      setState: (state) => {
        sessionStorage.setItem(STATE, JSON.stringify(state));
        return state;
      },
    });
  };
})();`;

/** The element deepest in the focus chain (through shadow roots): what a key press goes to. */
export const DEEP_FOCUS_SCRIPT = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const host = el && el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : el;
  return el ? { tag: el.tagName.toLowerCase(), host: host ? host.tagName.toLowerCase() : null, fixKey: (el.closest && el.closest('[data-fix-key]') || host && host.closest && host.closest('[data-fix-key]'))?.getAttribute('data-fix-key') ?? null } : null;
})()`;
