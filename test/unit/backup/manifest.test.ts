import assert from 'node:assert/strict';
import { parseManifest } from '../../../language-server/orchestrator/backup/manifest';
import type { BackupManifest } from '../../../language-server/orchestrator/backup/types';

const SHA = 'a'.repeat(64);
const valid: BackupManifest = {
  format: 'optimus-backup',
  version: 1,
  projectPath: '/home/me/app',
  projectName: 'app',
  createdAt: '2024-01-01T00:00:00.000Z',
  mode: 'git-files',
  fileCount: 1,
  totalBytes: 2,
  archive: { file: 'app.tar.gz', bytes: 10, sha256: SHA },
  bundle: { file: 'app.bundle', bytes: 10, sha256: SHA },
  git: { head: 'b'.repeat(40), branch: 'main', remotes: [{ name: 'origin', url: 'https://example.com/x.git' }], stashes: [{ sha: 'c'.repeat(40), message: 'WIP' }] },
  skipped: [],
};

const problem = (patch: Record<string, unknown>): string => {
  const parsed = parseManifest(JSON.stringify({ ...valid, ...patch }));
  assert.equal(typeof parsed, 'string', `accepted ${JSON.stringify(patch)}`);
  return parsed as string;
};

describe('backup manifest parsing', () => {
  it('accepts what backupProject writes', () => {
    assert.deepEqual(parseManifest(JSON.stringify(valid)), valid);
    assert.deepEqual(parseManifest(JSON.stringify({ ...valid, bundle: null, git: null })), { ...valid, bundle: null, git: null });
  });

  it('names what is wrong with a foreign or damaged document', () => {
    assert.match(parseManifest('{') as string, /not valid JSON/);
    assert.equal(parseManifest('[]'), 'not an Optimus backup manifest');
    assert.equal(problem({ version: 2 }), 'written by a newer Optimus (version 2)');
    assert.equal(problem({ projectPath: 'relative/path' }), 'projectPath is missing or not absolute');
    assert.equal(problem({ createdAt: 'yesterday' }), 'createdAt is not a date');
    assert.equal(problem({ mode: 'zip' }), 'unknown mode "zip"');
    assert.equal(problem({ fileCount: -1 }), 'fileCount or totalBytes is not a count');
    assert.equal(problem({ skipped: {} }), 'skipped is not a list');
  });

  it('refuses file names that would lead verify, restore or prune outside the backup folder', () => {
    for (const file of ['../x.tar.gz', '/etc/passwd', 'a/b.tar.gz', '..', '', 'a\\b']) {
      assert.equal(problem({ archive: { ...valid.archive, file } }), 'archive.file is not a plain file name');
    }
    assert.equal(problem({ bundle: { ...valid.bundle, sha256: 'xyz' } }), 'bundle.sha256 is not a SHA-256');
  });

  it('refuses git values that git would read as options or that are not ids', () => {
    const git = valid.git as NonNullable<BackupManifest['git']>;
    assert.equal(problem({ git: { ...git, head: 'HEAD~1' } }), 'git.head is not a commit id');
    assert.equal(problem({ git: { ...git, branch: '--orphan' } }), 'git.branch is not a branch name');
    assert.match(problem({ git: { ...git, remotes: [{ name: 'o', url: '--upload-pack=sh' }] } }), /git.remotes/);
    assert.match(problem({ git: { ...git, remotes: [{ name: '-f', url: 'x' }] } }), /git.remotes/);
    assert.match(problem({ git: { ...git, stashes: [{ sha: '--all', message: '' }] } }), /git.stashes/);
  });
});
