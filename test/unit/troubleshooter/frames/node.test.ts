import assert from 'node:assert/strict';
import { join } from 'node:path';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';
import { crash, makeTempDir, removeDir, writeFiles } from './realRun';

const LIBRARY = `exports.parsePrice = (text) => {
  const value = Number(text);
  if (Number.isNaN(value)) throw new TypeError('not a price: ' + text);
  return value;
};
exports.each = (items, fn) => items.map((item) => fn(item));
`;

const APP = `const lib = require('price-lib');
function total(items) {
  return lib.each(items, (item) => lib.parsePrice(item.price));
}
total([{ price: '1' }, { price: 'abc' }]);
`;

const ESM_APP = `import { createRequire } from 'node:module';
const lib = createRequire(import.meta.url)('price-lib');
async function load() {
  await null;
  return lib.parsePrice('x');
}
await load();
`;

const EVAL_APP = `function run(code) { return eval(code); }
new Promise((resolve) => resolve(run('null.x')));
`;

describe('Node frames (real node)', () => {
  let dir: string | undefined;
  before(() => {
    dir = makeTempDir('node');
    writeFiles(dir, { 'node_modules/price-lib/index.js': LIBRARY, 'app.js': APP, 'app.mjs': ESM_APP, 'evil.js': EVAL_APP });
  });
  after(() => removeDir(dir));

  it('reads a CommonJS crash and skips node_modules and node:internal frames', () => {
    const root = dir ?? '';
    const frames = parseFrames(crash(process.execPath, ['app.js'], root));
    const first = frames[0];
    assert.equal(first?.file, join(root, 'node_modules/price-lib/index.js'));
    assert.equal(first?.line, 3);
    assert.equal(first?.userCode, false);
    assert.ok(frames.some((frame) => frame.file.startsWith('node:internal/') && !frame.userCode));
    assert.ok(frames.every((frame) => frame.runtime === 'node'));
    const user = firstUserFrame(frames);
    assert.deepEqual(user && { file: user.file, line: user.line, column: user.column }, { file: join(root, 'app.js'), line: 3, column: 40 });
  });

  it('turns the file:// URLs of an ES module into paths', () => {
    const root = dir ?? '';
    const frames = parseFrames(crash(process.execPath, ['app.mjs'], root));
    const user = firstUserFrame(frames);
    assert.equal(user?.file, join(root, 'app.mjs'));
    assert.equal(user?.line, 5);
    assert.equal(user?.function, 'load');
    assert.ok(frames.every((frame) => !frame.file.startsWith('file:')));
  });

  it('points an eval frame at <anonymous>, which is not user code, and keeps the caller', () => {
    const root = dir ?? '';
    const frames = parseFrames(crash(process.execPath, ['evil.js'], root));
    assert.equal(frames[0]?.file, '<anonymous>');
    assert.equal(frames[0]?.userCode, false);
    assert.deepEqual(firstUserFrame(frames) && [firstUserFrame(frames)?.function, firstUserFrame(frames)?.line], ['run', 1]);
    assert.ok(!frames.some((frame) => frame.function === 'new Promise'), '`at new Promise (<anonymous>)` has no line');
  });

  it('treats [eval] frames of `node -e` as not user code', () => {
    const frames = parseFrames(crash(process.execPath, ['-e', 'JSON.parse("{")'], dir ?? ''));
    assert.ok(frames.length > 0);
    assert.equal(frames.find((frame) => frame.file === '[eval]')?.userCode, false);
    assert.equal(firstUserFrame(frames), undefined);
  });
});

describe('Node frames (hand-written from traces in public issue threads)', () => {
  it('reads Windows paths, pre-node: core modules and prefixes added by npm and docker compose', () => {
    const text = [
      'npm ERR! Error: EPERM: operation not permitted',
      "npm ERR!     at Object.renameSync (fs.js:772:3)",
      '    at WriteStream.<anonymous> (C:\\Users\\greg\\relay\\node_modules\\auto-updater\\auto-updater.js:499:10)',
      '    at CleartextStream.read [as _read](tls.js:469:13)',
      'web_1  |     at Function.listen (/app/node_modules/express/lib/application.js:618:24)',
      'web_1  |     at Object.<anonymous> (C:\\Users\\greg\\relay\\index.js:41:5)',
      '    at process._tickCallback (internal/process/next_tick.js:63:19)',
    ].join('\r\n');
    const frames = parseFrames(text);
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line, frame.userCode]), [
      ['fs.js', 772, false],
      ['C:\\Users\\greg\\relay\\node_modules\\auto-updater\\auto-updater.js', 499, false],
      ['tls.js', 469, false],
      ['/app/node_modules/express/lib/application.js', 618, false],
      ['C:\\Users\\greg\\relay\\index.js', 41, true],
      ['internal/process/next_tick.js', 63, false],
    ]);
    assert.equal(frames[2]?.function, 'CleartextStream.read [as _read]');
    assert.equal(firstUserFrame(frames)?.textLine, 5);
  });

  it('keeps yarn PnP caches and Debian-packaged npm out of user code', () => {
    const frames = parseFrames([
      '    at async [reifyPackages] (/usr/share/nodejs/@npmcli/arborist/lib/arborist/reify.js:234:11)',
      '    at Object.load (/home/u/app/.yarn/cache/lodash-npm-4.17.21-6382451519-eb835a2e51.zip/node_modules/lodash/lodash.js:1:2)',
      '    at run (/home/u/app/.pnp.cjs:9:3)',
      '    at main (/home/u/app/src/main.ts:12:7)',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => frame.userCode), [false, false, false, true]);
    assert.equal(frames[0]?.function, '[reifyPackages]');
  });
});
