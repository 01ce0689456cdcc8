import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePnpmLock } from '../../../../language-server/analyzer/dependencies/pnpmLockfile';
import { parsePnpmKey, refKey } from '../../../../language-server/analyzer/dependencies/pnpmKeys';
import { useTempDir, writeFiles } from './helpers';
import { SAME_PROJECT_ROWS, copyFixture, fixtureText, lineOf, readNote, readOk, rows } from './lockfileFixtures';
import type { Row } from './lockfileFixtures';

describe('pnpm-lock.yaml: bad input', () => {
  const tmp = useTempDir('pnpm-bad');
  const lockPath = (): string => path.join(tmp(), 'pnpm-lock.yaml');

  it('cut inside a quoted key: not valid YAML, and the note names the file and the place', async () => {
    const text = await fixtureText('pnpm-v9', 'pnpm-lock.yaml');
    await writeFile(lockPath(), text.slice(0, text.indexOf("'@isaacs/string-locale-compare':") + 10));
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml is not valid YAML: Missing closing 'quote at line 11, column \d+; dependencies were not checked for known vulnerabilities\.$/);
  });

  it('cut inside the last snapshot: what is there is read, and a note says the file may be cut short', async () => {
    const text = await fixtureText('pnpm-v9', 'pnpm-lock.yaml');
    await copyFixture('pnpm-v9', tmp());
    await writeFile(lockPath(), text.slice(0, text.lastIndexOf('loose-envify: 1.4.0') + 'loose-envify: 1.4'.length));
    const lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), SAME_PROJECT_ROWS);
    assert.match(lock.notes.join('\n'), /^pnpm-lock\.yaml does not end with a line break .* after line \d+ would be missing/);
  });

  it('binary data, text that is not UTF-8, no lockfileVersion, broken YAML: one note naming pnpm-lock.yaml each', async () => {
    await writeFile(lockPath(), Buffer.from('lockfileVersion: \'9.0\'\n\0\0\0'));
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml contains binary data/);
    await writeFile(lockPath(), Buffer.from([0x6c, 0x3a, 0x20, 0xff]));
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml is not valid UTF-8 text/);
    await writeFile(lockPath(), 'packages:\n  /a/1.0.0:\n    dev: false\n');
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml has no lockfileVersion line that pnpm writes, so it is not a pnpm lockfile; dependencies were not checked/);
    await writeFile(lockPath(), "lockfileVersion: '9.0'\nsnapshots: [a, {b: \n");
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml is not valid YAML: /);
  });

  it('a YAML alias bomb is refused, not expanded', async () => {
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
    await writeFile(lockPath(), `lockfileVersion: '9.0'\nl0: &l0 [x]\n${levels.join('\n')}\n`);
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml is not valid YAML: .*[Aa]lias/);
  });

  it('a 50 MB pnpm-lock.yaml is over the 16 MB cap and is not read', async function () {
    this.timeout(30000);
    const entry = (i: number): string => `  pkg-${i}@1.0.0:\n    resolution: {integrity: sha512-${'A'.repeat(86)}==}\n    engines: {node: '>=18'}\n\n`;
    const chunks: string[] = ["lockfileVersion: '9.0'\n\npackages:\n\n"];
    for (let i = 0, size = 0; size < 50 * 1024 * 1024; i++) size += (chunks[chunks.push(entry(i)) - 1] ?? '').length;
    await writeFile(lockPath(), chunks.join(''));
    assert.match(await readNote(tmp()), /^pnpm-lock\.yaml is 50(\.\d)? MB, over the 16 MB limit for a lockfile, so it was not read/);
  });

  it('keys that are paths, not package names, are skipped with a note (v5 and v9 key styles)', async () => {
    await writeFile(lockPath(), "lockfileVersion: 5.4\n\npackages:\n\n  /../../etc/passwd/1.0.0:\n    dev: false\n\n  /ok/1.0.0:\n    dev: false\n");
    let lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), [['ok', '1.0.0', false, false]]);
    assert.match(lock.notes[0] ?? '', /line 5: "\/\.\.\/\.\.\/etc\/passwd\/1\.0\.0" does not name a package and version/);
    await writeFile(lockPath(), "lockfileVersion: '9.0'\n\nsnapshots:\n\n  ../../evil@1.0.0: {}\n\n  '@x/../../y@1.0.0': {}\n\n  ok@1.0.0: {}\n");
    lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), [['ok', '1.0.0', false, false]]);
    assert.match(lock.notes[0] ?? '', /has 2 parts/);
  });

  it('a key written twice (a bad merge): read once, with a note', async () => {
    const text = await fixtureText('pnpm-v9', 'pnpm-lock.yaml');
    await copyFixture('pnpm-v9', tmp());
    await writeFile(lockPath(), `${text}\n  minimist@0.0.8: {}\n`);
    const lock = await readOk(tmp());
    assert.deepEqual(rows(lock.nodes.values()), SAME_PROJECT_ROWS);
    assert.deepEqual(lock.notes, ['pnpm-lock.yaml lists a package twice (minimist@0.0.8), as a bad merge leaves it; the last of each was checked.']);
  });

  it('CRLF line endings read as LF, lines included', async () => {
    await copyFixture('pnpm-v9', tmp());
    const lf = await readOk(tmp());
    await writeFile(lockPath(), lf.text.replace(/\n/g, '\r\n'));
    const crlf = await readOk(tmp());
    assert.deepEqual(rows(crlf.nodes.values()), SAME_PROJECT_ROWS);
    assert.deepEqual([...crlf.nodes.values()].map((n) => n.line), [...lf.nodes.values()].map((n) => n.line));
  });
});

describe('pnpm-lock.yaml: lockfiles written by pnpm', () => {
  const tmp = useTempDir('pnpm-real');

  for (const [fixture, tool] of [['pnpm-v5', 'pnpm 7.33.7, lockfileVersion 5.4'], ['pnpm-v6', 'pnpm 8.15.9, 6.0'], ['pnpm-v9', 'pnpm 9.15.9, 9.0']] as const) {
    it(`${fixture} (${tool}): the versions, dev-only and direct flags npm's package-lock has for the same package.json`, async () => {
      await copyFixture(fixture, tmp());
      const lock = await readOk(tmp());
      assert.equal(lock.kind, 'pnpm');
      assert.deepEqual(rows(lock.nodes.values()), SAME_PROJECT_ROWS);
      assert.deepEqual(lock.notes, []);
    });
  }

  it('each package points at its key under packages:, peer suffixes included', async () => {
    const keys: string[] = [];
    for (const fixture of ['pnpm-v5', 'pnpm-v6', 'pnpm-v9']) {
      await copyFixture(fixture, tmp());
      const lock = await readOk(tmp());
      keys.push(lineOf(lock, lock.nodes.get('pnpm-lock.yaml:minimist@0.0.8')), lineOf(lock, lock.nodes.get('pnpm-lock.yaml:react-dom@18.2.0')));
    }
    assert.deepEqual(keys, [
      '  /minimist/0.0.8:', '  /react-dom/18.2.0_react@18.2.0:',
      '  /minimist@0.0.8:', '  /react-dom@18.2.0(react@18.2.0):',
      '  minimist@0.0.8:', '  react-dom@18.2.0:',
    ]);
  });

  it('v9 workspace: dev-only worked out over every importer (a member\'s runtime dependency is not dev-only)', async () => {
    await copyFixture('workspace-pnpm-v9', tmp());
    assert.deepEqual(rows((await readOk(tmp())).nodes.values()), [
      ['minimist', '0.0.8', false, false], ['minimist', '1.2.0', false, false], ['mkdirp', '0.5.1', false, true], ['ms', '2.0.0', true, false],
    ]);
  });

  it('v6 without dev flags (pnpm leaves the flag out when both kinds of dependency reach a package): not dev-only', async () => {
    const text = await fixtureText('pnpm-v6', 'pnpm-lock.yaml');
    await copyFixture('pnpm-v6', tmp());
    await writeFile(path.join(tmp(), 'pnpm-lock.yaml'), text.replace(/^ {4}dev: (true|false)\n/gm, ''));
    assert.deepEqual(rows((await readOk(tmp())).nodes.values()), SAME_PROJECT_ROWS.map(([n, v, , top]): Row => [n, v, false, top]));
  });

  it('v9: a reference with no snapshot of its own stands for every snapshot of the package (hand-written)', async () => {
    await writeFiles(tmp(), {
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'", 'importers:', '  .:', '    dependencies:', '      app: {specifier: 1.0.0, version: 1.0.0}',
        '    devDependencies:', '      tool: {specifier: 1.0.0, version: 1.0.0}', 'snapshots:',
        '  app@1.0.0:', '    dependencies:', '      shared: 3.0.0(peer@1.0.0)', '  tool@1.0.0:', '    dependencies:', '      shared: 3.0.0(peer@2.0.0)',
        '  shared@3.0.0(peer@2.0.0): {}', '',
      ].join('\n'),
    });
    assert.deepEqual(rows((await readOk(tmp())).nodes.values()), [['app', '1.0.0', false, true], ['shared', '3.0.0', false, false], ['tool', '1.0.0', true, true]]);
  });

  it('keys and references of each format, scoped peers and aliases included', () => {
    assert.deepEqual(
      [
        parsePnpmKey('/@babel/core/7.0.0_@types+node@20.0.0', 'v5'),
        parsePnpmKey('/@babel/core@7.0.0(@types/node@20.0.0)', 'v6'),
        parsePnpmKey('@babel/core@7.0.0(@types/node@20.0.0)(supports-color@5.5.0)', 'v9'),
        parsePnpmKey('no-version', 'v9'),
      ],
      [{ name: '@babel/core', version: '7.0.0' }, { name: '@babel/core', version: '7.0.0' }, { name: '@babel/core', version: '7.0.0' }, undefined],
    );
    assert.deepEqual(
      [
        refKey('react-dom', '18.2.0_react@18.2.0', 'v5'), refKey('my-ms', '/ms/0.7.0', 'v5'),
        refKey('x', '1.0.0(@types/react@18.0.0)', 'v6'), refKey('my-ms', '/ms@0.7.0', 'v6'),
        refKey('x', '1.0.0(@types/react@18.0.0)', 'v9'), refKey('my-ms', 'ms@0.7.0', 'v9'), refKey('lib', 'link:packages/lib', 'v9'),
      ],
      ['/react-dom/18.2.0_react@18.2.0', '/ms/0.7.0', '/x@1.0.0(@types/react@18.0.0)', '/ms@0.7.0', 'x@1.0.0(@types/react@18.0.0)', 'ms@0.7.0', undefined],
    );
  });

  it('20,000 packages (about 5 MB): read in seconds, not the minutes a pairwise duplicate-key check would take', function () {
    this.timeout(60000);
    const parts = ["lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      p0:\n        specifier: 1.0.0\n        version: 1.0.0\n\npackages:\n\n"];
    for (let i = 0; i < 20_000; i++) parts.push(`  p${i}@1.0.0:\n    resolution: {integrity: sha512-${'A'.repeat(86)}==}\n    engines: {node: '>=18'}\n\n`);
    parts.push('snapshots:\n\n');
    for (let i = 0; i < 20_000; i++) parts.push(`  p${i}@1.0.0:\n    dependencies:\n      p${i + 1}: 1.0.0\n      q${i % 100}: 2.0.0\n\n`);
    const started = performance.now();
    const parsed = parsePnpmLock(parts.join(''));
    const ms = performance.now() - started;
    assert.ok(parsed.ok);
    assert.equal(parsed.nodes.size, 20_000);
    assert.ok(ms < 15_000, `took ${Math.round(ms)} ms`);
  });
});
