import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkLockfileSync } from '../../../../language-server/troubleshooter/preventive/checkLockfileSync';
import { npm, places, useProject, writeFiles } from './helpers';

/** package.json as a person writes it, so that line numbers in the tests are easy to see. */
function manifest(dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): string {
  return `${JSON.stringify({ name: 'app', version: '1.0.0', dependencies, devDependencies }, null, 2)}\n`;
}

describe('preventive lockfile sync (npm)', () => {
  const dir = useProject('lock');
  let locked = '';

  before(async function () {
    this.timeout(120_000);
    // one real lockfile, written by npm itself: is-odd@3 depends on is-number@6, so the lock holds both
    locked = await realpath(await mkdtemp(path.join(os.tmpdir(), 'optimus-prev-lock-')));
    await writeFiles(locked, { 'package.json': manifest({ 'is-odd': '^3.0.1' }) });
    await npm(locked, 'install', '--package-lock-only');
  });
  after(async () => {
    await rm(locked, { recursive: true, force: true });
  });

  async function withManifest(text: string): Promise<void> {
    await cp(locked, dir(), { recursive: true });
    await writeFile(path.join(dir(), 'package.json'), text);
  }

  it('a lockfile npm just wrote is in sync', async () => {
    await cp(locked, dir(), { recursive: true });
    assert.deepEqual(await checkLockfileSync(dir()), []);
  });

  it('a dependency added to package.json and absent from the lock: an error at its line', async () => {
    await withManifest(manifest({ 'is-odd': '^3.0.1' }, { 'left-pad': '^1.3.0' }));
    const findings = await checkLockfileSync(dir());
    assert.deepEqual(places(findings), ['8:5 preventive/lockfile-out-of-sync']);
    assert.equal(findings[0]?.severity, 'error');
    assert.deepEqual(findings[0]?.data, {
      fixCommand: 'npm install', fixCwd: dir(), dependency: 'left-pad', range: '^1.3.0', lockfile: path.join(dir(), 'package-lock.json'),
    });
  });

  it('a range the locked version no longer satisfies: an error naming both', async () => {
    await withManifest(manifest({ 'is-odd': '^2.0.0' }));
    const [finding] = await checkLockfileSync(dir());
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.data?.lockedVersion, '3.0.1');
    assert.match(finding?.message ?? '', /locks is-odd at 3\.0\.1, outside "\^2\.0\.0"/);
  });

  it('a range that changed but still holds the locked version is accepted, as npm ci does', async () => {
    await withManifest(manifest({ 'is-odd': '>=3' }));
    assert.deepEqual(await checkLockfileSync(dir()), []);
  });

  it('a dependency locked only as another package\'s dependency: a warning that the root record is stale', async () => {
    await withManifest(manifest({ 'is-odd': '^3.0.1', 'is-number': '^6.0.0' }));
    const [finding, ...rest] = await checkLockfileSync(dir());
    assert.equal(rest.length, 0);
    assert.deepEqual([finding?.severity, finding?.line, finding?.data?.lockedVersion], ['warning', 6, '6.0.0']);
    // the same with a range the transitive copy does not satisfy is an error
    await writeFile(path.join(dir(), 'package.json'), manifest({ 'is-odd': '^3.0.1', 'is-number': '^7.0.0' }));
    assert.deepEqual((await checkLockfileSync(dir(), await readFile(path.join(dir(), 'package.json'), 'utf8'))).map((f) => f.severity), ['error']);
  });

  it('no lockfile, a yarn project, links and non-registry ranges are not judged', async () => {
    await writeFiles(dir(), { 'package.json': manifest({ a: '^1' }), 'yarn.lock': '' });
    assert.deepEqual(await checkLockfileSync(dir()), []);
    await writeFiles(dir(), {
      'package.json': manifest({ local: 'file:./local', gh: 'github:a/b', tagged: 'latest', aliased: 'npm:is-number@^7' }),
      'package-lock.json': {
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { local: 'file:./local', gh: 'github:a/b', tagged: 'latest', aliased: 'npm:is-number@^7' } },
          'node_modules/local': { resolved: 'local', link: true }, 'node_modules/gh': { version: '1.0.0' },
          'node_modules/tagged': { version: '0.1.0' }, 'node_modules/aliased': { name: 'is-number', version: '6.0.0' },
        },
      },
    });
    // only the alias is a registry range, and its locked 6.0.0 is outside ^7
    assert.deepEqual((await checkLockfileSync(dir())).map((f) => f.data?.dependency), ['aliased']);
  });

  it('a v1 lockfile (npm 6): missing and unsatisfied entries still count', async () => {
    await writeFiles(dir(), {
      'package.json': manifest({ 'is-number': '^7.0.0', 'is-odd': '^3.0.0' }),
      'package-lock.json': { lockfileVersion: 1, dependencies: { 'is-number': { version: '6.0.0' } } },
    });
    assert.deepEqual((await checkLockfileSync(dir())).map((f) => `${f.data?.dependency} ${f.severity}`), ['is-number error', 'is-odd error']);
  });

  it('a workspace member is checked against the root lockfile, installs nested or hoisted', async () => {
    await writeFiles(dir(), {
      'package.json': { name: 'root', workspaces: ['packages/*'] },
      'packages/web/package.json': manifest({ 'is-number': '^7.0.0', 'is-odd': '^3.0.0' }),
      'package-lock.json': {
        lockfileVersion: 3,
        packages: {
          '': { workspaces: ['packages/*'] }, 'packages/web': { dependencies: { 'is-number': '^7.0.0' } },
          'node_modules/is-number': { version: '6.0.0' }, 'packages/web/node_modules/is-number': { version: '7.0.0' },
        },
      },
    });
    const findings = await checkLockfileSync(path.join(dir(), 'packages', 'web'));
    assert.deepEqual(findings.map((f) => `${f.data?.dependency} ${f.data?.fixCwd === dir()}`), ['is-odd true']);
  });
});
