import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { npmAuditFindings } from '../../../../language-server/analyzer/dependencies/npmAudit';
import { readNpmLockfile } from '../../../../language-server/analyzer/dependencies/npmLockfile';
import { osvFindings } from '../../../../language-server/analyzer/dependencies/osvFindings';
import type { NpmRunner } from '../../../../language-server/analyzer/dependencies/npmRunner';
import { lockfile, osvRecord, semverRange, useTempDir, writeFiles } from './helpers';

/** A runner that fails the test if npm would have been started. */
const mustNotRun: NpmRunner = async () => assert.fail('npm should not run without a usable lockfile');

describe('dependency vulnerabilities: lockfiles that cannot be used', () => {
  const tmp = useTempDir('lock');

  async function bothSources(dir: string): Promise<string[]> {
    await writeFiles(dir, { 'osv.json': [osvRecord('OSV-1', 'a', { ranges: [semverRange({ introduced: '0' })] })] });
    const npm = await npmAuditFindings(dir, { run: mustNotRun });
    const osv = await osvFindings(dir, path.join(dir, 'osv.json'));
    assert.deepEqual([npm.findings, osv.findings], [[], []]);
    return [...npm.notes, ...osv.notes];
  }

  it('no lockfile: npm audit is not run, and the note says why', async () => {
    await writeFiles(tmp(), { 'package.json': { dependencies: { a: '1.0.0' } } });
    const notes = await bothSources(tmp());
    assert.equal(notes.length, 2);
    for (const note of notes) assert.match(note, /No package-lock\.json or npm-shrinkwrap\.json/);
  });

  it('a truncated lockfile: no run, a note naming the JSON error', async () => {
    await writeFiles(tmp(), { 'package-lock.json': '{ "lockfileVersion": 3, "packages": {' });
    for (const note of await bothSources(tmp())) assert.match(note, /package-lock\.json is not valid JSON/);
  });

  it('a lockfile that is not an object, binary, or a folder: a note each', async () => {
    await writeFiles(tmp(), { 'package-lock.json': '[1, 2]' });
    assert.match((await bothSources(tmp()))[0] ?? '', /does not hold a JSON object/);
    await writeFile(path.join(tmp(), 'package-lock.json'), Buffer.from([0x7b, 0, 0x7d]));
    assert.match((await bothSources(tmp()))[0] ?? '', /binary data/);
    const dir = path.join(tmp(), 'folder');
    await mkdir(path.join(dir, 'package-lock.json'), { recursive: true });
    assert.match((await bothSources(dir))[0] ?? '', /is a folder/);
  });

  it('an empty lockfile: nothing to audit, so npm (which would print a clean report) is not asked', async () => {
    await writeFiles(tmp(), { 'package-lock.json': {} });
    const result = await npmAuditFindings(tmp(), { run: mustNotRun });
    assert.match(result.notes[0] ?? '', /lists no installed packages/);
  });

  it('a lockfile over the size limit is not read', async () => {
    await writeFiles(tmp(), { 'package-lock.json': lockfile({ 'node_modules/a': ['1.0.0'] }) });
    const read = await readNpmLockfile(tmp(), 64);
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.note, /over the 1 KB limit/);
  });
});

describe('dependency vulnerabilities: reading npm lockfiles', () => {
  const tmp = useTempDir('lockread');

  it('v3: locations, aliases by their real name, dev flags; links, workspace folders and the root left out', async () => {
    await writeFiles(tmp(), {
      'package-lock.json': lockfile({
        'node_modules/a': ['1.0.0', { dev: true }],
        'node_modules/a/node_modules/@s/b': ['2.0.0', { devOptional: true }],
        'node_modules/alias': ['3.0.0', { name: 'real' }],
        'node_modules/ws-member': ['', { link: true, resolved: 'packages/member' }],
        'packages/member': ['0.1.0'],
        'packages/member/node_modules/c': ['4.0.0'],
        'node_modules/no-version': ['' ],
      }),
    });
    const read = await readNpmLockfile(tmp());
    assert.ok(read.ok);
    assert.deepEqual([...read.lock.nodes.values()], [
      { location: 'node_modules/a', name: 'a', version: '1.0.0', dev: true },
      { location: 'node_modules/a/node_modules/@s/b', name: '@s/b', version: '2.0.0', dev: false },
      { location: 'node_modules/alias', name: 'real', version: '3.0.0', dev: false },
      { location: 'packages/member/node_modules/c', name: 'c', version: '4.0.0', dev: false },
    ]);
  });

  it('v1 (npm 6): the nested tree, with aliases written as npm:name@version', async () => {
    await writeFiles(tmp(), {
      'package-lock.json': {
        lockfileVersion: 1,
        dependencies: {
          a: { version: '1.0.0', dev: true, dependencies: { b: { version: '0.1.0', dev: true } } },
          x: { version: 'npm:@s/real@2.0.0' },
          broken: 'not an object',
        },
      },
    });
    const read = await readNpmLockfile(tmp());
    assert.ok(read.ok);
    assert.deepEqual([...read.lock.nodes.values()], [
      { location: 'node_modules/a', name: 'a', version: '1.0.0', dev: true },
      { location: 'node_modules/a/node_modules/b', name: 'b', version: '0.1.0', dev: true },
      { location: 'node_modules/x', name: '@s/real', version: '2.0.0', dev: false },
    ]);
  });

  it('prefers npm-shrinkwrap.json, as npm does', async () => {
    await writeFiles(tmp(), {
      'package-lock.json': lockfile({ 'node_modules/a': ['1.0.0'] }),
      'npm-shrinkwrap.json': lockfile({ 'node_modules/a': ['2.0.0'] }),
    });
    const read = await readNpmLockfile(tmp());
    assert.ok(read.ok);
    assert.equal(path.basename(read.lock.path), 'npm-shrinkwrap.json');
    assert.equal(read.lock.nodes.get('node_modules/a')?.version, '2.0.0');
  });
});
