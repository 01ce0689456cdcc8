import assert from 'node:assert/strict';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';

describe('firstUserFrame across traces', () => {
  it('takes the first trace that has a user frame when a log holds several', () => {
    const frames = parseFrames([
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.12/runpy.py", line 198, in _run_module_as_main',
      'ImportError: cannot import name x',
      '',
      'TypeError: bad',
      '    at parse (/app/node_modules/lib/index.js:3:9)',
      '    at load (/app/src/load.js:12:3)',
      '    at main (/app/src/main.js:4:1)',
    ].join('\n'));
    assert.equal(firstUserFrame(frames)?.file, '/app/src/load.js');
  });

  it('does not carry a Python traceback into the next one', () => {
    const frames = parseFrames([
      'Traceback (most recent call last):',
      '  File "/app/a.py", line 1, in <module>',
      '  File "/app/a.py", line 5, in f',
      '    g()',
      'KeyError: 1',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/app/a.py", line 9, in <module>',
    ].join('\n'));
    assert.equal(firstUserFrame(frames)?.line, 5);
  });

  it('returns undefined when every frame belongs to a dependency or the runtime', () => {
    assert.equal(firstUserFrame(parseFrames('    at x (/a/node_modules/b.js:1:2)\n    at y (node:internal/z:3:4)')), undefined);
  });
});
