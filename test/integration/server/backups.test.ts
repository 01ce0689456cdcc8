import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { AuditLogRequest, BackupRequest, BackupsRequest, ProgressNotification, RestoreRequest, VerifyBackupRequest, type ProgressParams } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';

describe('language server: backups over LSP (real git, real archives)', function () {
  this.timeout(90000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-backups');
  const root = () => path.join(tmp(), 'projects');
  const backups = () => path.join(tmp(), 'backups');

  async function start(keep = 10): Promise<{ s: LspServer; progress: ProgressParams[] }> {
    server = await LspServer.start({
      storePath: path.join(tmp(), 'store', 'optimus.sqlite'),
      settings: { roots: [root()], containers: { enabled: false }, backup: { folder: backups(), keep } },
    });
    const progress: ProgressParams[] = [];
    server.connection.onNotification(ProgressNotification.type, (p: ProgressParams) => void progress.push(p));
    await server.until('the project listed', () => !!server!.byName('notes'));
    return { s: server, progress };
  }

  it('backs up with progress, lists, verifies and restores byte for byte; retention keeps the newest', async () => {
    const project = path.join(root(), 'notes');
    await writeTree(project, { 'package.json': '{"name":"notes"}', 'src/a.js': 'console.log(1)\n', '.gitignore': 'secret.txt\n', 'secret.txt': 'not archived' });
    await gitRepo(project, 'main');
    await writeFile(path.join(project, 'untracked.md'), '# new\n');
    const { s, progress } = await start(2);

    const first = await s.connection.sendRequest(BackupRequest.type, { path: project, progressId: 'b1' });
    assert.equal(first.fileCount, 4, 'tracked plus untracked-not-ignored');
    assert.ok(first.bundlePath, 'the git history is bundled');
    assert.ok(progress.some((p) => p.progressId === 'b1' && /Archiving/.test(p.message)));
    assert.ok(first.manifestPath.startsWith(backups()));

    const verified = await s.connection.sendRequest(VerifyBackupRequest.type, { manifestPath: first.manifestPath });
    assert.equal(verified.ok, true);

    const dest = path.join(tmp(), 'restored');
    const restored = await s.connection.sendRequest(RestoreRequest.type, { source: first.manifestPath, dest, progressId: 'r1' });
    assert.equal(restored.history, 'restored');
    for (const file of ['package.json', 'src/a.js', 'untracked.md']) {
      assert.deepEqual(await readFile(path.join(dest, file)), await readFile(path.join(project, file)), file);
    }
    assert.ok(!(await readdir(dest)).includes('secret.txt'), 'ignored files are not restored');
    await assert.rejects(s.connection.sendRequest(RestoreRequest.type, { source: first.manifestPath, dest }), /not empty|exists/i);

    await s.connection.sendRequest(BackupRequest.type, { path: project });
    const third = await s.connection.sendRequest(BackupRequest.type, { path: project });
    assert.equal(third.pruned, 1, 'the oldest of three goes with keep = 2');
    const listed = await s.connection.sendRequest(BackupsRequest.type, { path: project });
    assert.equal(listed.length, 2);
    assert.equal(listed[0]?.manifestPath, third.manifestPath, 'newest first');

    const audit = await s.connection.sendRequest(AuditLogRequest.type, { limit: 10 });
    assert.deepEqual(audit.map((r) => `${r.action}:${r.outcome}`).reverse(), ['backup:ok', 'restore:ok', 'restore:error', 'backup:ok', 'backup:ok']);
  });

  it('cancels a backup from the client and leaves nothing behind', async () => {
    const project = path.join(root(), 'notes');
    await writeTree(project, { 'package.json': '{"name":"notes"}' });
    for (let i = 0; i < 8; i++) await writeFile(path.join(project, `blob${i}.bin`), randomBytes(4 * 1024 * 1024));
    const { s, progress } = await start();
    const cancel = new CancellationTokenSource();
    const pending = s.connection.sendRequest(BackupRequest.type, { path: project, progressId: 'c1', mode: 'folder' }, cancel.token);
    await s.until('archiving to start', () => progress.some((p) => p.progressId === 'c1' && /Archiving/.test(p.message)), 20000);
    cancel.cancel();
    await assert.rejects(pending);
    const audit = await s.connection.sendRequest(AuditLogRequest.type, { limit: 1 });
    assert.equal(audit[0]?.outcome, 'cancelled');
    const left = await readdir(backups(), { recursive: true }).catch(() => []);
    assert.deepEqual(left.filter((f) => /\.(tar\.gz|bundle|json|partial)$/.test(String(f))), []);
  });
});
