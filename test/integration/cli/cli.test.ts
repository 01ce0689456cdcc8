import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../../language-server/model';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';

interface ScanJson {
  projects: Project[];
  notes: Array<{ code: string; path: string; message: string }>;
  elapsedMs: number;
}

describe('optimus CLI', function () {
  this.timeout(60000);
  before(buildOnce);
  const tmp = useTempDir('cli');
  const root = () => path.join(tmp(), 'projects');
  const db = () => path.join(tmp(), 'home', 'optimus.sqlite');
  const home = () => ({ OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });

  async function fixtures(): Promise<void> {
    await writeTree(root(), {
      'web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '14.2.0', react: '^18.3.0' } }),
      'web/tsconfig.json': '{}',
      'mono/package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'mono/packages/a/package.json': JSON.stringify({ name: '@mono/a', dependencies: { express: '^4.19.0' } }),
      'mono/packages/b/package.json': JSON.stringify({ name: '@mono/b' }),
      'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
      'broken/package.json': '{ "name": "broken", "dependencies": { "react": ',
    });
    await gitRepo(path.join(root(), 'web'), 'main', 'Initial web');
    await gitRepo(path.join(root(), 'mono'), 'trunk');
  }

  it('scan --json prints exactly one JSON document with the documented fields and absolute paths', async () => {
    await fixtures();
    const run = await optimus(['scan', root(), '--json', '--db', db()], home());
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as ScanJson;
    assert.equal(typeof out.elapsedMs, 'number');
    const byName = new Map(out.projects.map((p) => [p.name, p]));
    assert.deepEqual([...byName.keys()].sort(), ['a', 'b', 'broken', 'mono', 'svc', 'web']);
    const web = byName.get('web')!;
    assert.ok(path.isAbsolute(web.path));
    assert.deepEqual(web.stack.frameworks, ['next', 'react']);
    assert.deepEqual(web.stack.packageManagers, ['npm']);
    assert.equal(web.git?.branch, 'main');
    assert.equal(web.git?.lastCommit?.subject, 'Initial web');
    assert.equal(web.git?.dirty, false);
    assert.equal(web.git?.ahead, null, 'no upstream: null, not 0');
    assert.equal(web.dependencies.count, 2);
    assert.deepEqual(web.dependencies.manifests.map((m) => path.basename(m.path)), ['package.json']);
    assert.deepEqual(byName.get('mono')!.children, [path.join(root(), 'mono/packages/a'), path.join(root(), 'mono/packages/b')]);
    assert.equal(byName.get('a')!.parent, path.join(root(), 'mono'));
    assert.deepEqual(byName.get('a')!.stack.frameworks, ['express']);
    assert.deepEqual(byName.get('svc')!.stack.frameworks, ['gin']);
    assert.equal(byName.get('svc')!.git, null);
  });

  it('reports a malformed manifest as a finding that names the file, and still lists the project', async () => {
    await fixtures();
    const run = await optimus(['scan', root(), '--json', '--db', ':memory:'], home());
    const broken = (JSON.parse(run.stdout) as ScanJson).projects.find((p) => p.name === 'broken')!;
    const finding = broken.findings.find((f) => f.code === 'manifest/malformed');
    assert.ok(finding, JSON.stringify(broken.findings));
    assert.match(finding.message, /package\.json/);
    assert.equal(finding.file, path.join(root(), 'broken', 'package.json'));
  });

  it('--json --batch prints one project per line', async () => {
    await fixtures();
    const run = await optimus(['scan', root(), '--json', '--batch', '--db', ':memory:'], home());
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 6);
    for (const line of lines) assert.equal(typeof (JSON.parse(line) as Project).path, 'string');
  });

  it('prints a readable table without --json, and list shows what the last scan saved', async () => {
    await fixtures();
    const scan = await optimus(['scan', root(), '--db', db()], home());
    assert.equal(scan.code, 0);
    assert.match(scan.stdout, /^NAME\s+STACK\s+BRANCH\s+GIT\s+LAST COMMIT\s+PATH/);
    assert.match(scan.stdout, /web\s+typescript, next, react\s+main\s+clean/);
    const list = await optimus(['list', '--json'], home());
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual((JSON.parse(list.stdout) as ScanJson).projects.map((p) => p.name).sort(), ['a', 'b', 'broken', 'mono', 'svc', 'web']);
  });

  it('exits 2 on bad usage with a message on stderr and nothing on stdout', async () => {
    for (const args of [['scan', '--max-depth', 'x'], ['bogus'], [], ['scan', '--nope']]) {
      const run = await optimus(args, home());
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^optimus: .+/);
    }
  });

  it('exits 1 with a clear message when no folder to scan exists, 0 when at least one does', async () => {
    await fixtures();
    const none = await optimus(['scan', path.join(tmp(), 'missing'), '--db', ':memory:'], home());
    assert.equal(none.code, 1);
    assert.match(none.stderr, /none of the folders to scan exists/);
    const some = await optimus(['scan', path.join(tmp(), 'missing'), root(), '--json', '--db', ':memory:'], home());
    assert.equal(some.code, 0);
    assert.deepEqual((JSON.parse(some.stdout) as ScanJson).notes.map((n) => n.code), ['root/missing']);
  });

  it('moves a corrupt store aside, says so on stderr, keeps stdout pure JSON', async () => {
    await fixtures();
    await mkdir(path.dirname(db()), { recursive: true });
    await writeFile(db(), Buffer.from([0, 1, 2, 3, 255, 254, 253]));
    const run = await optimus(['scan', root(), '--json', '--db', db()], home());
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as ScanJson).projects.length, 6);
    assert.match(run.stderr, /moved aside|corrupt|not a database/i);
    const kept = (await readdir(path.dirname(db()))).filter((f) => f.includes('corrupt'));
    assert.equal(kept.length, 1);
  });

  it('loses no project when two scans of different roots write one store at once', async () => {
    const other = path.join(tmp(), 'other');
    await fixtures();
    await writeTree(other, { 'x/Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n', 'y/Gemfile': "gem 'rails'\n" });
    const [a, b] = await Promise.all([optimus(['scan', root(), '--db', db()], home()), optimus(['scan', other, '--db', db()], home())]);
    assert.equal(a.code + b.code, 0, a.stderr + b.stderr);
    const list = JSON.parse((await optimus(['list', '--json', '--db', db()], home())).stdout) as ScanJson;
    assert.deepEqual(list.projects.map((p) => p.name).sort(), ['a', 'b', 'broken', 'mono', 'svc', 'web', 'x', 'y']);
  });

  it('prints help and version', async () => {
    const help = await optimus(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /optimus scan \[ROOT\.\.\.\]/);
    const version = await optimus(['--version']);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });
});
