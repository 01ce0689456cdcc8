import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, WebviewPage } from './consolePage';

/**
 * One Chromium for the suite and a fresh page of `app` for each test, handed to `use`; after each test the page
 * must have had no script error, broken no rule of its Content Security Policy and asked for nothing but its
 * own files.
 */
export function usePagePerTest(app: string, use: (view: WebviewPage) => void): void {
  let browser: Browser;
  let view: WebviewPage;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    view = await WebviewPage.open(browser, app);
    use(view);
  });
  afterEach(async () => {
    assert.deepEqual(view.pageErrors, [], 'no script error on the page');
    assert.deepEqual(await view.cspViolations(), [], 'nothing the page does breaks its Content Security Policy');
    assert.deepEqual(view.foreignRequests, [], 'the page asks for nothing but its own files');
    await view.close();
  });
}

/**
 * One Chromium and one page of `app` for the whole suite (its tests carry state from one to the next), handed
 * to `use`; at the end the page must have had no script error and broken no rule of its CSP.
 */
export function usePagePerSuite(app: string, use: (view: WebviewPage) => void): void {
  let browser: Browser;
  let view: WebviewPage;
  before(async () => {
    browser = await launchChromium();
    view = await WebviewPage.open(browser, app);
    use(view);
  });
  after(async () => {
    assert.deepEqual(view.pageErrors, []);
    assert.deepEqual(await view.cspViolations(), []);
    await browser?.close();
  });
}
