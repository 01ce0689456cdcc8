import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSmallFileSync } from '../../../language-server/util/readSmall';

describe('readSmallFileSync', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'optimus-small-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return (error as NodeJS.ErrnoException).code;
    }
    return undefined;
  };

  it('reads a file whole, including an empty one', () => {
    writeFileSync(path.join(dir, 'a'), 'hello');
    writeFileSync(path.join(dir, 'empty'), '');
    assert.equal(String(readSmallFileSync(path.join(dir, 'a'), 100)), 'hello');
    assert.equal(String(readSmallFileSync(path.join(dir, 'empty'), 100)), '');
  });

  it('reports the size of a file over the limit instead of reading it', () => {
    writeFileSync(path.join(dir, 'big'), Buffer.alloc(2000, 'x'));
    assert.deepEqual(readSmallFileSync(path.join(dir, 'big'), 1999), { tooLarge: 2000 });
    assert.equal((readSmallFileSync(path.join(dir, 'big'), 2000) as Buffer).length, 2000);
  });

  it('refuses a FIFO at once instead of waiting for a writer, and a folder', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    mkdirSync(path.join(dir, 'folder'));
    assert.equal(code(() => readSmallFileSync(path.join(dir, 'pipe'), 100)), 'ENOTREG');
    assert.equal(code(() => readSmallFileSync(path.join(dir, 'folder'), 100)), 'EISDIR');
    assert.equal(code(() => readSmallFileSync(path.join(dir, 'missing'), 100)), 'ENOENT');
  });

  it('reads /proc files, whose size says 0', () => {
    const text = String(readSmallFileSync('/proc/self/status', 1 << 20));
    assert.match(text, /^Name:/);
  });
});
