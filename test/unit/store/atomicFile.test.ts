import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../../language-server/store/atomicFile';
import { Store } from '../../../language-server/store/store';
import { deadPid, useTempDir } from './helpers';

describe('store: atomic file write', () => {
  const tempDir = useTempDir();

  it('creates the folder (0700) and the file (0600), leaving no temp file', async () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'optimus.sqlite');
    const oldMask = process.umask(0o000); // the modes must not depend on a permissive umask
    try {
      await writeFileAtomic(file, Buffer.from('hello'));
    } finally {
      process.umask(oldMask);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), 'hello');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['optimus.sqlite']);
  });

  it('replaces the file with a new inode and returns the stamp of what it wrote', async () => {
    const file = path.join(tempDir(), 'optimus.sqlite');
    const first = await writeFileAtomic(file, Buffer.from('one'));
    const second = await writeFileAtomic(file, Buffer.from('two, longer'));
    const stat = fs.statSync(file);
    assert.notEqual(first.ino, second.ino, 'a reader holding the old file keeps reading the old content');
    assert.deepEqual(second, { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
    assert.equal(fs.readFileSync(file, 'utf8'), 'two, longer');
    assert.deepEqual(fs.readdirSync(tempDir()), ['optimus.sqlite']);
  });

  it('leaves the old file and no temp file behind when the rename fails', async () => {
    const target = path.join(tempDir(), 'optimus.sqlite');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'x'), 'x'); // renaming a file onto a non-empty folder fails
    await assert.rejects(writeFileAtomic(target, Buffer.from('data')));
    assert.deepEqual(fs.readdirSync(tempDir()), ['optimus.sqlite']);
    assert.ok(fs.statSync(target).isDirectory());
  });

  it('keeps the mode 0600 when it replaces a file that had wider permissions', async () => {
    const file = path.join(tempDir(), 'optimus.sqlite');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    await writeFileAtomic(file, Buffer.from('new'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });
});

describe('store: temp files of dead writers', () => {
  const tempDir = useTempDir();

  it('are removed when a store opens, while those of live writers are kept', async () => {
    const file = path.join(tempDir(), 'optimus.sqlite');
    const orphan = `.optimus.sqlite.${deadPid()}.abcdef012345.tmp`;
    const live = `.optimus.sqlite.${process.pid}.abcdef012345.tmp`;
    const unrelated = '.other.sqlite.1.abcdef012345.tmp';
    const lockOrphan = `.optimus.sqlite.lock.${deadPid()}.abcdef012345.tmp`; // a lock taker killed before it linked
    for (const name of [orphan, live, unrelated, lockOrphan]) fs.writeFileSync(path.join(tempDir(), name), 'partial');
    const { store } = await Store.open(file);
    await store.close();
    assert.deepEqual(fs.readdirSync(tempDir()).sort(), [live, unrelated, 'optimus.sqlite'].sort());
  });
});
