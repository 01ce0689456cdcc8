import assert from 'node:assert/strict';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';

// No browser runs in these tests: the traces follow the formats documented on MDN (Error.prototype.stack),
// V8's stack trace API and what Vite, webpack and Next.js dev servers print, as seen in public issue threads.
describe('browser frames (hand-written from documented Chrome, Firefox and Safari formats)', () => {
  it('reads Chrome frames from a Vite dev server and strips cache-busting queries', () => {
    const frames = parseFrames([
      "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
      '    at renderWithHooks (http://localhost:5173/node_modules/.vite/deps/chunk-QJV3R4PZ.js?v=8a1b2c3d:11548:26)',
      '    at ProductList (http://localhost:5173/src/components/ProductList.tsx?t=1714031234567:12:24)',
      '    at http://localhost:5173/src/main.tsx:7:3',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line, frame.column, frame.function, frame.userCode]), [
      ['http://localhost:5173/node_modules/.vite/deps/chunk-QJV3R4PZ.js', 11548, 26, 'renderWithHooks', false],
      ['http://localhost:5173/src/components/ProductList.tsx', 12, 24, 'ProductList', true],
      ['http://localhost:5173/src/main.tsx', 7, 3, null, true],
    ]);
    assert.ok(frames.every((frame) => frame.runtime === 'browser'));
    assert.equal(firstUserFrame(frames)?.function, 'ProductList');
  });

  it('turns webpack URLs into project-relative paths and skips webpack internals and extensions', () => {
    const frames = parseFrames([
      'AxiosError: Request failed with status code 404',
      '    at createError (webpack-internal:///./node_modules/axios/lib/core/createError.js:16:15)',
      '    at __webpack_require__ (webpack:///webpack/bootstrap:19:1)',
      '    at overrideMethod (chrome-extension://fmkadmapgofadopljbjfkapdkoienihi/build/installHook.js:1:58384)',
      '    at fetchOrders (webpack-internal:///./src/api/orders.js:9:20)',
      '    at Object.load (webpack:///./src/store.js?:4:2)',
      '    at Page (webpack-internal:///(app-pages-browser)/./src/app/page.tsx:21:5)',
      '    at webpack://shop/./src/index.js:3:1',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.userCode]), [
      ['node_modules/axios/lib/core/createError.js', false],
      ['webpack/bootstrap', false],
      ['chrome-extension://fmkadmapgofadopljbjfkapdkoienihi/build/installHook.js', false],
      ['src/api/orders.js', true],
      ['src/store.js', true],
      ['src/app/page.tsx', true],
      ['src/index.js', true],
    ]);
    assert.equal(firstUserFrame(frames)?.function, 'fetchOrders');
  });

  it('reads Firefox frames, including the MDN example with file:// URLs and anonymous functions', () => {
    const frames = parseFrames([
      'trace@file:///C:/example.html:9:17',
      'b@file:///C:/example.html:16:13',
      '@file:///C:/example.html:21:9',
      'renderWithHooks@http://localhost:5173/node_modules/.vite/deps/chunk-QJV3R4PZ.js?v=8a1b2c3d:11548:26',
      'ProductList/<@http://localhost:5173/src/components/ProductList.tsx:12:24',
      'loadScript@moz-extension://2c127fa4-62c7-7e4f-90e5-472b45eecfdc/content.js:1:10',
      '@debugger eval code:1:5',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.function, frame.userCode]), [
      ['C:/example.html', 'trace', true],
      ['C:/example.html', 'b', true],
      ['C:/example.html', null, true],
      ['http://localhost:5173/node_modules/.vite/deps/chunk-QJV3R4PZ.js', 'renderWithHooks', false],
      ['http://localhost:5173/src/components/ProductList.tsx', 'ProductList/<', true],
      ['moz-extension://2c127fa4-62c7-7e4f-90e5-472b45eecfdc/content.js', 'loadScript', false],
    ]);
  });

  it('reads Safari frames, skips [native code] and scoped packages keep their @', () => {
    const frames = parseFrames([
      'map@[native code]',
      'global code@http://localhost:8080/app.js:3:9',
      'render@https://cdn.jsdelivr.net/npm/vue@3.4.0/dist/vue.global.js:9:4',
      'parse@http://localhost:8080/node_modules/@babel/parser/lib/index.js:5:8',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.function, frame.userCode]), [
      ['http://localhost:8080/app.js', 'global code', true],
      ['https://cdn.jsdelivr.net/npm/vue@3.4.0/dist/vue.global.js', 'render', false],
      ['http://localhost:8080/node_modules/@babel/parser/lib/index.js', 'parse', false],
    ]);
  });

  it('does not read a server URL in a log line as a frame', () => {
    assert.deepEqual(parseFrames('Server ready  at http://localhost:3000\nsee docs@https://example.com\nmail bob@example.com:12:34'), []);
  });
});
