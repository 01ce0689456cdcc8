import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditRecord } from '../../../language-server/store/auditLog';
import { buildOnce, optimus, REPO, type CliRun } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { waitFor } from './procs';

const BIN = path.join(REPO, 'dist', 'optimus.js');

interface BackupJson {
  path: string;
  manifest: string;
  archive: string;
  bundle: string | null;
  mode: string;
  files: number;
  bytes: number;
}

/** Every file under `dir` (recursively), relative; none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('optimus backup, backups, verify, restore', function () {
  this.timeout(120000);
  before(buildOnce);
  const tmp = useTempDir('cli-backup');
  const project = () => path.join(tmp(), 'app');
  const home = () => path.join(tmp(), 'home');
  const backups = () => path.join(home(), 'backups');
  const db = () => path.join(home(), 'optimus.sqlite');
  const env = () => ({ OPTIMUS_HOME: home(), HOME: tmp() });
  const cli = (...args: string[]) => optimus([...args, '--db', db()], env());
  const json = <T>(run: CliRun): T => (assert.equal(run.code, 0, run.stderr), JSON.parse(run.stdout) as T);
  const audit = async () => json<{ entries: AuditRecord[] }>(await cli('audit', '--json')).entries.map((r) => `${r.action} ${r.outcome}`);

  async function gitProject(): Promise<void> {
    await writeTree(project(), { 'package.json': '{"name":"app"}\n', 'src/index.js': 'console.log(1);\n', 'README.md': '# app\n' });
    await gitRepo(project());
  }

  /** Big enough (incompressible) that archiving or extracting it takes long enough to interrupt. */
  async function bigProject(): Promise<void> {
    await mkdir(path.join(project(), 'data'), { recursive: true });
    for (let i = 0; i < 48; i++) await writeFile(path.join(project(), 'data', `part-${i}.bin`), randomBytes(2 * 1024 * 1024));
  }

  it('backs up, lists, verifies and restores a git project; each step is audited', async () => {
    await gitProject();
    const made = json<BackupJson>(await cli('backup', project(), '--json'));
    assert.equal(made.path, project());
    assert.equal(made.mode, 'git-files');
    assert.equal(made.files, 3);
    assert.ok(made.manifest.startsWith(path.join(backups(), 'app') + path.sep) && made.manifest.endsWith('.manifest.json'));
    assert.ok(made.archive.endsWith('.tar.gz') && existsSync(made.archive));
    assert.ok(made.bundle && existsSync(made.bundle));

    const listed = json<{ backups: Array<{ manifest: string; project: string; files: number }> }>(await cli('backups', project(), '--json'));
    assert.deepEqual(listed.backups.map((b) => [b.manifest, b.project, b.files]), [[made.manifest, project(), 3]]);
    assert.equal(json<{ backups: unknown[] }>(await cli('backups', path.join(tmp(), 'other'), '--json')).backups.length, 0);

    const verified = json<{ ok: boolean; parts: Array<{ part: string; ok: boolean }> }>(await cli('verify', made.archive, '--json'));
    assert.deepEqual([verified.ok, verified.parts.map((p) => `${p.part} ${p.ok}`)], [true, ['archive true', 'bundle true']]);

    const dest = path.join(tmp(), 'restored');
    const restored = json<{ dest: string; files: number; history: string }>(await cli('restore', made.manifest, dest, '--json'));
    assert.deepEqual([restored.dest, restored.files, restored.history], [dest, 3, 'restored']);
    assert.equal(await readFile(path.join(dest, 'src', 'index.js'), 'utf8'), 'console.log(1);\n');
    assert.ok(existsSync(path.join(dest, '.git')));
    assert.deepEqual(await audit(), ['restore ok', 'verify ok', 'backup ok']);
  });

  it('prints readable results without --json, and backs up a plain folder with --mode folder --to DIR', async () => {
    await writeTree(project(), { 'notes.txt': 'hello\n', 'node_modules/x/index.js': 'skip me\n' });
    const to = path.join(tmp(), 'elsewhere');
    const run = await cli('backup', project(), '--mode', 'folder', '--to', to);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '', 'no progress drawn when stderr is not a terminal');
    assert.match(run.stdout, /^Backed up app \(folder\): 1 files, 6 bytes\n {2}manifest {2}.+\.manifest\.json\n {2}archive {3}.+\.tar\.gz\n {2}bundle {4}none/);
    const list = await cli('backups', '--to', to);
    assert.match(list.stdout, /^CREATED \(UTC\)\s+PROJECT\s+MODE\s+FILES\s+BYTES\s+MANIFEST\n.+app\s+folder\s+1\s+6\s/);
    assert.equal((await cli('backups')).stdout.trim(), 'No backups.', 'the default folder holds none');
  });

  it('draws progress on stderr when it is a terminal', async () => {
    await bigProject();
    const line = [BIN, 'backup', project(), '--db', db()].map((a) => `'${a}'`).join(' ');
    const output = await new Promise<string>((resolve, reject) =>
      execFile('script', ['-qec', line, '/dev/null'], { env: { ...process.env, ...env() } }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    assert.match(output, /archiving: \d+\/48 files, [\d.]+\/96\.0 MB \(\d+%\)/);
    assert.match(output, /Backed up app \(folder\): 48 files/);
  });

  it('exits 1 and says what is damaged when an archive does not match its manifest', async () => {
    await gitProject();
    const made = json<BackupJson>(await cli('backup', project(), '--json'));
    const bytes = await readFile(made.archive);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    await writeFile(made.archive, bytes);
    const run = await cli('verify', made.manifest, '--json');
    assert.equal(run.code, 1);
    const result = JSON.parse(run.stdout) as { ok: boolean; parts: Array<{ part: string; ok: boolean; problem?: string }> };
    assert.equal(result.ok, false);
    assert.match(result.parts.find((p) => p.part === 'archive')?.problem ?? '', /SHA-256 is [0-9a-f]{64}, the manifest says/);
    assert.match(run.stderr, /is damaged: archive SHA-256/);
    assert.deepEqual((await audit())[0], 'verify error');
    const restore = await cli('restore', made.manifest, path.join(tmp(), 'never'));
    assert.equal(restore.code, 1);
    assert.equal(existsSync(path.join(tmp(), 'never')), false);
  });

  it('exits 2 for a non-empty DEST, a missing archive, a missing argument or an unknown mode', async () => {
    await gitProject();
    const made = json<BackupJson>(await cli('backup', project(), '--json'));
    const cases: Array<[string[], RegExp]> = [
      [['restore', made.manifest, project()], /is not empty; restore never overwrites\. Type `optimus restore ARCHIVE DEST` with a new folder/],
      [['restore', path.join(tmp(), 'nope.tar.gz'), path.join(tmp(), 'd')], /No such backup: .*nope\.tar\.gz/],
      [['restore', made.manifest], /`optimus restore` needs DEST: type `optimus restore ARCHIVE DEST`/],
      [['verify'], /needs ARCHIVE/],
      [['backup'], /needs PATH/],
      [['backup', project(), '--mode', 'zip'], /--mode must be git-files or folder \(got "zip"\)/],
    ];
    for (const [args, pattern] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, pattern);
    }
  });

  /** Starts the CLI, sends SIGINT once `ready` holds (work is under way), and waits for it to end. */
  async function interrupt(args: string[], ready: () => Promise<boolean>): Promise<CliRun> {
    const child = spawn(BIN, [...args, '--db', db()], { env: { ...process.env, ...env() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    try {
      await waitFor('the work to begin', ready, 30000);
      child.kill('SIGINT');
      return { code: await exited, stdout, stderr };
    } finally {
      child.kill('SIGKILL');
    }
  }

  it('Ctrl+C during a backup cancels it: exit 130, nothing partial left, audited as cancelled', async () => {
    await bigProject();
    const run = await interrupt(['backup', project()], async () => (await filesUnder(backups())).length > 0);
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /The backup was cancelled; nothing partial was left behind/);
    assert.deepEqual(await filesUnder(backups()), []);
    assert.deepEqual(await audit(), ['backup cancelled']);
  });

  it('Ctrl+C during a restore cancels it: exit 130 and DEST is not left half-restored', async () => {
    await bigProject();
    const made = json<BackupJson>(await cli('backup', project(), '--json'));
    const dest = path.join(tmp(), 'restored');
    const run = await interrupt(['restore', made.archive, dest], async () => existsSync(dest));
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /The restore was cancelled/);
    assert.equal(existsSync(dest), false);
    assert.deepEqual((await audit())[0], 'restore cancelled');
  });
});
