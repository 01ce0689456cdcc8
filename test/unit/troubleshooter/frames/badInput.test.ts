import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';

// Deterministic bytes, so a failure on garbage can be replayed.
function garbage(length: number, seed: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += String.fromCharCode(state % 256);
  }
  return text;
}

function timed<T>(label: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  console.log(`      ${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

const NEAR_MISSES = [
  'Look at this (app.js:1:2)',
  'Error at line 5: unexpected token',
  'Uncaught SyntaxError: Unexpected token < in JSON at position 0',
  '    at async Promise.all (index 0)',
  '    at Array.map (<anonymous>)',
  '    at new Promise (<anonymous>)',
  '  Build finished  at 10:30:00',
  'Listening  at localhost:3000',
  '    at Object.<anonymous>',
  '  File "app.py", line 3x, in main',
  '  File "app.py" line 3',
  'File app.py, line 3, in main',
  '\tat com.example.App.main(Native Method)',
  '\tat com.example.App.main(Unknown Source)',
  '\tat com.example.App.main(App.java)',
  '\t... 12 more',
  '   at Shop.Program.Main(String[] args)',
  '   at Shop.Program.Main(String[] args) in :line 5',
  "thread 'main' panicked at 'boom'",
  "thread 'main' panicked at src/main.rs",
  '             at ',
  'main.main()',
  '\tmain.go',
  '\t/src/main.go:abc +0x1d',
  'goroutine 1 [running]:',
  'contact: bob@example.com:25:1',
  '@',
  'at',
  'File "',
  ')',
];

describe('parseFrames on bad input', () => {
  it('returns nothing for empty text, blank lines and non-strings', () => {
    assert.deepEqual(parseFrames(''), []);
    assert.deepEqual(parseFrames('\n\n\r\n   \n\t'), []);
    assert.deepEqual(parseFrames(undefined as unknown as string), []);
    assert.deepEqual(parseFrames(42 as unknown as string), []);
    assert.equal(firstUserFrame([]), undefined);
  });

  it('does not throw on binary garbage', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const frames = parseFrames(garbage(20_000, seed));
      assert.ok(Array.isArray(frames));
    }
  });

  it('finds no frame in lines that almost look like frames', () => {
    for (const line of NEAR_MISSES) assert.deepEqual(parseFrames(line), [], line);
    assert.deepEqual(parseFrames(NEAR_MISSES.join('\n')), []);
  });

  it('skips 100k-character lines without hanging and still reads the frames around them', () => {
    const huge = [
      `    at ${'x'.repeat(100_000)} (/app/a.js:1:2)`,
      `  File "${'a'.repeat(100_000)}", line 1, in f`,
      `\t${'/a'.repeat(50_000)}.go:1 +0x1`,
      ')'.repeat(100_000),
      '('.repeat(100_000),
      'at '.repeat(33_000),
      ':1'.repeat(50_000),
      '@'.repeat(100_000),
      `${'\u001b['.repeat(50_000)}m`,
    ];
    const text = ['    at first (/app/first.js:1:2)', ...huge, '    at last (/app/last.js:3:4)'].join('\n');
    const frames = timed('9 lines of 100k chars', () => parseFrames(text));
    assert.deepEqual(frames.map((frame) => [frame.function, frame.textLine]), [['first', 0], ['last', 10]]);
  });

  it('stays fast on lines just under the length limit built to make patterns backtrack', () => {
    const nasty = [
      `    at ${'('.repeat(4000)}`,
      `    at ${'a ('.repeat(1300)}:1:2)`,
      `  File "${'"'.repeat(4000)}`,
      `\t${'a.go:1 '.repeat(580)}`,
      `   at ${') in '.repeat(800)}x.cs:line 1`,
      `${'x@'.repeat(2000)}http://h/a.js:1:2`,
      `thread 'main' panicked at ${', '.repeat(2000)}`,
      ` 1: ${'x'.repeat(4000)}`,
      `\tat ${'a.'.repeat(2000)}(A.java:1)`,
    ];
    const text = Array.from({ length: 30 }, () => nasty.join('\n')).join('\n');
    const frames = timed(`${(text.length / 1024).toFixed(0)} KB of backtracking bait`, () => parseFrames(text));
    assert.ok(Array.isArray(frames));
  });

  it('parses a 1 MB log with frames of every runtime scattered in it (time printed, not asserted)', () => {
    const noise = [
      '2024-05-01T10:00:00.000Z INFO  [http] GET /api/orders 200 12ms',
      '{"level":"warn","msg":"slow query","ms":812,"sql":"select * from orders where id = $1"}',
      'webpack 5.91.0 compiled with 2 warnings in 4123 ms',
      '  ➜  Local:   http://localhost:5173/',
      'npm WARN deprecated inflight@1.0.6: This module is not supported',
    ];
    const traces = [
      '    at handler (/srv/app/src/routes/orders.js:42:11)',
      '    at Layer.handle (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
      '  File "/srv/api/app/views.py", line 18, in list_orders',
      '\tat com.example.shop.OrderService.list(OrderService.java:31)',
      '\t/srv/go/shop/main.go:12 +0x1d',
      '             at ./src/main.rs:10:5',
      '   at Shop.Program.Main(String[] args) in /src/Shop/Program.cs:line 8',
      'render@http://localhost:8080/app.js:3:9',
    ];
    const block = [...noise, ...noise, ...traces, ...noise].join('\n');
    const repeats = Math.ceil((1024 * 1024) / block.length);
    const text = Array.from({ length: repeats }, () => block).join('\n');
    const frames = timed(`${(text.length / 1024 / 1024).toFixed(2)} MB log`, () => parseFrames(text));
    assert.equal(frames.length, repeats * traces.length);
    assert.deepEqual([...new Set(frames.map((frame) => frame.runtime))].sort(), ['browser', 'dotnet', 'go', 'java', 'node', 'python', 'rust']);
  });

  it('reads frames through colour codes and CRLF line endings, with their 0-based text line', () => {
    const text = 'Error: boom\r\n    at \u001b[36mrun\u001b[39m (\u001b[90m/app/src/run.js:3:9\u001b[39m)\r\n';
    assert.deepEqual(parseFrames(text).map((frame) => [frame.file, frame.line, frame.column, frame.function, frame.textLine]), [
      ['/app/src/run.js', 3, 9, 'run', 1],
    ]);
  });
});
