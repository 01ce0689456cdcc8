import assert from 'node:assert/strict';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { restoreBackup } from '../../../language-server/orchestrator/backup/restore';
import { verifyBackup } from '../../../language-server/orchestrator/backup/verify';
import { git, gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { assertSame, leaves, pseudoRandom, refsOf, walk, write } from './helpers';

describe('backup: git-files mode, restored byte for byte', () => {
  const tmp = useTempDir('backup-git');
  const project = () => path.join(tmp(), 'app');
  const backups = () => path.join(tmp(), 'backups');

  /** Tracked, untracked-not-ignored and ignored files; binary, executable, symlinks, odd names; branches and tags. */
  async function makeRepo(): Promise<void> {
    const p = project();
    await write(p, '.gitignore', 'node_modules/\n*.log\nsecret.env\n');
    await write(p, 'src/index.ts', 'export const x = 1;\n');
    await write(p, 'bin/run.sh', '#!/bin/sh\necho hi\n', 0o755);
    await write(p, 'assets/logo.bin', pseudoRandom(70_000, 'logo'));
    await write(p, 'empty.txt', '');
    await write(p, `deep/${'very-long-folder-name-'.repeat(6)}/${'n'.repeat(120)}.txt`, 'long name\n');
    await write(p, 'docs/héllo wörld ✓.md', 'unicode name\n');
    await symlink('src/index.ts', path.join(p, 'link-to-index'));
    await symlink('../../outside/nowhere', path.join(p, 'dangling-link'));
    await gitRepo(p, 'main');
    await git(p, 'tag', 'v1.0');
    await git(p, 'tag', '-a', 'v1.0-annotated', '-m', 'annotated');
    await git(p, 'checkout', '-q', '-b', 'feature');
    await write(p, 'src/feature.ts', 'feature\n');
    await git(p, 'add', '-A');
    await git(p, 'commit', '-q', '-m', 'feature work');
    await git(p, 'checkout', '-q', 'main');
    // Work in progress: a modified tracked file, an untracked file, and ignored ones.
    await write(p, 'src/index.ts', 'export const x = 2; // edited\n');
    await write(p, 'notes/untracked.md', 'not committed yet\n');
    await write(p, 'node_modules/dep/index.js', 'ignored\n');
    await write(p, 'debug.log', 'ignored\n');
    await write(p, 'secret.env', 'TOKEN=ignored\n');
    await rm(path.join(p, 'empty.txt'));
  }

  it('archives tracked and untracked-not-ignored files, not ignored ones, and restores them identically', async () => {
    await makeRepo();
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.manifest.mode, 'git-files');
    const listed = (await git(project(), 'ls-files', '-z', '--cached', '--others', '--exclude-standard')).split('\0').filter(Boolean).sort();
    const expected = listed.filter((r) => r !== 'empty.txt'); // deleted in the working tree, still tracked
    assert.ok(expected.includes('notes/untracked.md'));
    assert.equal(result.manifest.fileCount, expected.length);
    assert.deepEqual(result.manifest.skipped, []);

    const dest = path.join(tmp(), 'restored');
    const restored = await restoreBackup(result.manifestPath, dest);
    assert.equal(restored.history, 'restored');
    const inside = expected.filter((r) => r !== 'dangling-link');
    assert.deepEqual(await leaves(dest), inside, 'exactly the git-visible files come back');
    await assertSame(project(), dest, inside);
    for (const ignored of ['node_modules', 'debug.log', 'secret.env']) assert.ok(!(await walk(dest)).some((r) => r.startsWith(ignored)), `${ignored} was archived`);
    assert.deepEqual(restored.skipped.map((s) => s.path), ['dangling-link'], 'a link leading out of the folder is reported, not created');

    const full = path.join(tmp(), 'restored-with-links');
    const withLinks = await restoreBackup(result.manifestPath, full, { allowExternalSymlinks: true });
    assert.deepEqual(withLinks.skipped, []);
    assert.deepEqual(await leaves(full), expected);
    await assertSame(project(), full, expected);
  });

  it('bundles every branch and tag, and the restored repository has the same refs, HEAD and working changes', async () => {
    await makeRepo();
    await git(project(), 'stash', 'push', '-q', '-m', 'older stash', '--', 'src/index.ts');
    await write(project(), 'src/index.ts', 'export const x = 4; // second stash\n');
    await git(project(), 'stash', 'push', '-q', '--', 'src/index.ts');
    await write(project(), 'src/index.ts', 'export const x = 3; // after stash\n');
    const result = await backupProject(project(), { backupDir: backups() });
    assert.ok(result.bundlePath);
    assert.equal(result.manifest.git?.branch, 'main');

    // The bundle on its own is a valid git source with all refs.
    const clone = path.join(tmp(), 'clone');
    await git(tmp(), 'clone', '-q', '--mirror', result.bundlePath, clone);
    const original = await refsOf(project());
    const cloned = await refsOf(clone);
    for (const [ref, sha] of original) if (ref !== 'HEAD') assert.equal(cloned.get(ref), sha, `bundle lost ${ref}`);

    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.manifestPath, dest, { allowExternalSymlinks: true });
    assert.deepEqual(await refsOf(dest), original);
    assert.equal(await git(dest, 'symbolic-ref', 'HEAD'), 'refs/heads/main');
    assert.equal(await git(dest, 'status', '--porcelain'), await git(project(), 'status', '--porcelain'));
    const stashes = await git(project(), 'stash', 'list');
    assert.equal(stashes.split('\n').length, 2);
    assert.equal(await git(dest, 'stash', 'list'), stashes);
    assert.equal(await git(dest, 'rev-parse', 'stash@{1}'), await git(project(), 'rev-parse', 'stash@{1}'));
    assert.equal(await git(dest, 'fsck', '--no-progress'), '');
  });

  it('keeps a detached HEAD where it was', async () => {
    await makeRepo();
    const first = await git(project(), 'rev-parse', 'HEAD~0');
    await git(project(), 'checkout', '-q', '--detach', 'feature');
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.manifest.git?.branch, null);
    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.manifestPath, dest);
    assert.equal(await git(dest, 'rev-parse', 'HEAD'), await git(project(), 'rev-parse', 'HEAD'));
    assert.notEqual(await git(dest, 'rev-parse', 'HEAD'), first);
  });

  it('round-trips a 20 MB binary file and verifies', async () => {
    await write(project(), 'big.bin', pseudoRandom(20 * 1024 * 1024, 'big'));
    await write(project(), 'zeros.bin', Buffer.alloc(5 * 1024 * 1024));
    await gitRepo(project());
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.manifest.totalBytes, 25 * 1024 * 1024);
    assert.equal((await verifyBackup(result.manifestPath)).ok, true);
    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.archivePath, dest);
    await assertSame(project(), dest, ['big.bin', 'zeros.bin']);
  });

  it('backs up a repository without commits: files archived, no bundle, an empty repository on the same branch', async () => {
    await write(project(), 'a.txt', 'first file\n');
    await git(project(), 'init', '-q', '-b', 'trunk');
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.bundlePath, null);
    assert.equal(result.manifest.bundle, null);
    assert.match(result.manifest.bundleNote ?? '', /no commits/);
    assert.deepEqual(result.manifest.git, { head: null, branch: 'trunk', remotes: [] });
    assert.equal((await verifyBackup(result.manifestPath)).ok, true);
    const dest = path.join(tmp(), 'restored');
    const restored = await restoreBackup(result.manifestPath, dest);
    assert.equal(restored.history, 'empty-repository');
    assert.equal(await git(dest, 'symbolic-ref', 'HEAD'), 'refs/heads/trunk');
    assert.equal(await readFile(path.join(dest, 'a.txt'), 'utf8'), 'first file\n');
  });

  it('never stores credentials from remote URLs, and restores the remotes without them', async () => {
    await write(project(), 'a.txt', 'x\n');
    await gitRepo(project());
    await git(project(), 'remote', 'add', 'origin', 'https://alice:s3cr3t@example.com/team/app.git');
    await git(project(), 'remote', 'add', 'token', 'https://ghp_TOKENVALUE@github.com/o/r.git');
    await git(project(), 'remote', 'add', 'at', 'https://bob:p@ss@example.com/x.git');
    await git(project(), 'remote', 'add', 'ssh', 'git@github.com:o/r.git');
    const result = await backupProject(project(), { backupDir: backups() });
    const text = await readFile(result.manifestPath, 'utf8');
    for (const secret of ['s3cr3t', 'alice', 'TOKENVALUE', 'p@ss', 'ss@example']) assert.ok(!text.includes(secret), `manifest holds ${secret}`);
    assert.deepEqual(result.manifest.git?.remotes, [
      { name: 'origin', url: 'https://example.com/team/app.git' },
      { name: 'token', url: 'https://github.com/o/r.git' },
      { name: 'at', url: 'https://example.com/x.git' },
      { name: 'ssh', url: 'git@github.com:o/r.git' },
    ]);
    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.manifestPath, dest);
    assert.equal(await git(dest, 'remote', 'get-url', 'origin'), 'https://example.com/team/app.git');
  });

  it('leaves a nested repository out with a reason instead of failing', async () => {
    await write(project(), 'a.txt', 'x\n');
    await gitRepo(project());
    await mkdir(path.join(project(), 'nested'));
    await write(project(), 'nested/b.txt', 'y\n');
    await gitRepo(path.join(project(), 'nested'));
    const result = await backupProject(project(), { backupDir: backups() });
    assert.deepEqual(result.manifest.skipped.map((s) => s.path), ['nested']);
    assert.match(result.manifest.skipped[0]?.reason ?? '', /nested repository/);
  });
});
