import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { useTempDir, writeFiles } from './helpers';
import { SAME_PROJECT_ROWS, copyFixture, fixtureText, lineOf, readNote, readOk, rows } from './lockfileFixtures';
import type { Row } from './lockfileFixtures';

const V1 = '# yarn lockfile v1\n\n\n';

describe('yarn.lock: bad input', () => {
  const tmp = useTempDir('yarn-bad');

  it('cut inside a quoted value: the entries before it are read, and notes say what was lost', async () => {
    const text = await fixtureText('yarn-v1', 'yarn.lock');
    await copyFixture('yarn-v1', tmp());
    await writeFile(path.join(tmp(), 'yarn.lock'), text.slice(0, text.indexOf('version "0.23.2"') + 'version "0.23'.length));
    const lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), SAME_PROJECT_ROWS.filter(([name]) => name !== 'scheduler'));
    assert.equal(lock.notes.length, 2);
    assert.match(lock.notes[0] ?? '', /^yarn\.lock has 2 parts that could not be read, and they were not checked for known vulnerabilities \(line 67: unreadable field .*; line 66: scheduler has no version \(the file may be cut short\)\)\.$/);
    assert.match(lock.notes[1] ?? '', /^yarn\.lock does not end with a line break .* after line 67 would be missing/);
  });

  it('berry cut inside a field name: that entry has no version and is noted', async () => {
    const text = await fixtureText('yarn-berry-v8', 'yarn.lock');
    await copyFixture('yarn-berry-v8', tmp());
    await writeFile(path.join(tmp(), 'yarn.lock'), text.slice(0, text.indexOf('"scheduler@npm:^0.23.0":\n') + '"scheduler@npm:^0.23.0":\n  vers'.length));
    const lock = await readOk(tmp());
    assert.equal(lock.nodes.size, SAME_PROJECT_ROWS.length - 1);
    assert.match(lock.notes.join('\n'), /line 109: scheduler has no version/);
  });

  it('binary data, text that is not UTF-8, and text that is not a lockfile: one note naming yarn.lock each', async () => {
    const file = path.join(tmp(), 'yarn.lock');
    await writeFile(file, Buffer.from([0x61, 0x40, 0x31, 0x3a, 0x0a, 0x00, 0x20, 0x20]));
    assert.match(await readNote(tmp()), /^yarn\.lock contains binary data \(a zero byte at offset 5\).*; dependencies were not checked for known vulnerabilities\.$/);
    await writeFile(file, Buffer.from([0x61, 0x40, 0x31, 0x3a, 0x0a, 0xc3, 0x28]));
    assert.match(await readNote(tmp()), /^yarn\.lock is not valid UTF-8 text/);
    await writeFile(file, '{ "lockfileVersion": 3, "packages": {} }\n');
    assert.match(await readNote(tmp()), /^yarn\.lock holds no package entries .* so it is not a yarn lockfile; dependencies were not checked/);
  });

  it('a 50 MB yarn.lock is over the 16 MB cap and is not read', async function () {
    this.timeout(30000);
    const entry = (i: number): string => `pkg-${i}@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/pkg-${i}/-/pkg-${i}-1.0.0.tgz"\n  integrity sha512-${'A'.repeat(86)}==\n\n`;
    const chunks: string[] = [V1];
    for (let i = 0, size = 0; size < 50 * 1024 * 1024; i++) size += (chunks[chunks.push(entry(i)) - 1] ?? '').length;
    await writeFile(path.join(tmp(), 'yarn.lock'), chunks.join(''));
    assert.match(await readNote(tmp()), /^yarn\.lock is 50(\.\d)? MB, over the 16 MB limit for a lockfile, so it was not read; dependencies were not checked/);
  });

  it('keys that are paths, not package names, are skipped with a note', async () => {
    await writeFiles(tmp(), {
      'package.json': { dependencies: { ok: '1.0.0' } },
      'yarn.lock': `${V1}"../../../etc/passwd@1.0.0":\n  version "1.0.0"\n\n"@evil/../../x@1.0.0":\n  version "1.0.0"\n\nok@1.0.0:\n  version "1.0.0"\n`,
    });
    const lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), [['ok', '1.0.0', false, true]]);
    assert.match(lock.notes[0] ?? '', /has 2 parts .*line 4: "\.\.\/\.\.\/\.\.\/etc\/passwd@1\.0\.0" does not name a package; line 7: "@evil\/\.\.\/\.\.\/x@1\.0\.0" does not name a package/);
  });

  it('duplicate entries (a bad merge): both versions are kept, and dependents reach both', async () => {
    await writeFiles(tmp(), {
      'package.json': { dependencies: { app: '1.0.0' }, devDependencies: { tool: '1.0.0' } },
      'yarn.lock': `${V1}app@1.0.0:\n  version "1.0.0"\n  dependencies:\n    b "^2.0.0"\n\nb@^2.0.0:\n  version "2.0.0"\n\nb@^2.0.0:\n  version "2.1.0"\n\ntool@1.0.0:\n  version "1.0.0"\n  dependencies:\n    b "^2.0.0"\n`,
    });
    assert.deepEqual(rows((await readOk(tmp())).nodes.values()), [
      ['app', '1.0.0', false, true], ['b', '2.0.0', false, false], ['b', '2.1.0', false, false], ['tool', '1.0.0', true, true],
    ]);
  });

  it('merge-conflict markers: both sides are read, and the marker lines are noted', async () => {
    await writeFiles(tmp(), {
      'package.json': { dependencies: { minimist: '^1.2.0' } },
      'yarn.lock': `${V1}<<<<<<< HEAD\nminimist@^1.2.0:\n  version "1.2.0"\n=======\nminimist@^1.2.0:\n  version "1.2.8"\n>>>>>>> upgrade\n`,
    });
    const lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), [['minimist', '1.2.0', false, true], ['minimist', '1.2.8', false, true]]);
    assert.match(lock.notes[0] ?? '', /has 3 parts .*line 4: not an entry header; line 7: not an entry header; line 10: not an entry header/);
  });

  it('a v1 file with CRLF line endings (checked out on Windows) reads as with LF, lines included', async () => {
    await copyFixture('yarn-v1', tmp());
    const lf = await readOk(tmp());
    await writeFile(path.join(tmp(), 'yarn.lock'), lf.text.replace(/\n/g, '\r\n'));
    const crlf = await readOk(tmp());
    assert.deepEqual(rows(crlf.nodes.values()), SAME_PROJECT_ROWS);
    assert.deepEqual([...crlf.nodes.values()].map((n) => n.line), [...lf.nodes.values()].map((n) => n.line));
    assert.deepEqual(crlf.notes, []);
  });
});

describe('yarn.lock: lockfiles written by yarn', () => {
  const tmp = useTempDir('yarn-real');

  for (const [fixture, tool] of [['yarn-v1', 'yarn 1.22.22'], ['yarn-berry-v6', 'yarn 3.8.7'], ['yarn-berry-v8', 'yarn 4.5.3']] as const) {
    it(`${fixture} (${tool}): the versions, dev-only and direct flags npm's package-lock has for the same package.json`, async () => {
      await copyFixture(fixture, tmp());
      const lock = await readOk(tmp());
      assert.equal(lock.kind, 'yarn');
      assert.deepEqual(rows(lock.nodes.values()), SAME_PROJECT_ROWS);
      assert.deepEqual(lock.notes, []);
    });
  }

  it('each package points at its entry header, an alias at the alias entry', async () => {
    const headers: string[] = [];
    for (const fixture of ['yarn-v1', 'yarn-berry-v8']) {
      await copyFixture(fixture, tmp());
      const lock = await readOk(tmp());
      headers.push(lineOf(lock, lock.nodes.get('yarn.lock:minimist@0.0.8')), lineOf(lock, lock.nodes.get('yarn.lock:ms@0.7.0')));
    }
    assert.deepEqual(headers, ['minimist@0.0.8:', '"my-ms@npm:ms@0.7.0":', '"minimist@npm:0.0.8":', '"my-ms@npm:ms@0.7.0":']);
  });

  it('without a readable package.json nothing can be called dev-only or direct', async () => {
    await copyFixture('yarn-berry-v6', tmp());
    await rm(path.join(tmp(), 'package.json'));
    const lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), SAME_PROJECT_ROWS.map(([name, version]): Row => [name, version, false, false]));
  });

  it('a range no entry satisfies (stale lockfile, resolutions): every entry of the name stands in, so nothing runtime is hidden (hand-written)', async () => {
    await writeFiles(tmp(), {
      'package.json': { dependencies: { app: '1.0.0' }, devDependencies: { tool: '1.0.0' } },
      'yarn.lock': `${V1}app@1.0.0:\n  version "1.0.0"\n  dependencies:\n    shared "^3.0.0"\n\ntool@1.0.0:\n  version "1.0.0"\n  dependencies:\n    shared "3.1.0"\n\nshared@3.1.0:\n  version "3.1.0"\n`,
    });
    assert.deepEqual(rows((await readOk(tmp())).nodes.values()), [['app', '1.0.0', false, true], ['shared', '3.1.0', false, false], ['tool', '1.0.0', true, true]]);
  });

  it('workspaces: v1 cannot see members\' runtime dependencies, berry counts every member\'s as runtime: nothing is dev-only', async () => {
    const expected: Row[] = [['minimist', '0.0.8', false, false], ['minimist', '1.2.0', false, false], ['mkdirp', '0.5.1', false, true], ['ms', '2.0.0', false, false]];
    for (const fixture of ['workspace-yarn-v1', 'workspace-yarn-berry-v8']) {
      await rm(tmp(), { recursive: true, force: true });
      await copyFixture(fixture, tmp());
      assert.deepEqual(rows((await readOk(tmp())).nodes.values()), expected, fixture);
    }
  });
});
