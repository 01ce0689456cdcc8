import assert from 'node:assert/strict';
import { readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeTree } from '../helpers/files';
import { git, gitRepo } from '../helpers/git';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';

describe('language server over LSP', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  // Registered before the temp folder's hook, so the server is gone before its folder is removed.
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp');

  const root = () => path.join(tmp(), 'projects');
  const storePath = () => path.join(tmp(), 'store', 'optimus.sqlite');
  const start = async (settings: unknown = { roots: [root()] }) => (server = await LspServer.start({ storePath: storePath(), settings }));

  async function portfolio(): Promise<void> {
    await writeTree(root(), {
      'shop/package.json': JSON.stringify({ name: 'shop', dependencies: { react: '^18.2.0' }, devDependencies: { typescript: '^5.4.0' } }),
      'shop/tsconfig.json': '{}',
      'api/requirements.txt': 'flask==3.0.0\n',
      'api/app.py': 'print(1)\n',
      'notes/Makefile': 'all:\n',
    });
    await gitRepo(path.join(root(), 'shop'), 'main');
    await gitRepo(path.join(root(), 'api'), 'feature/login');
    await writeFile(path.join(root(), 'api', 'app.py'), 'print(2)\n');
  }

  it('lists projects with stacks and branches, then completes their git state', async () => {
    await portfolio();
    const s = await start();
    await s.until('git state of both repos', () => s.byName('shop')?.git?.complete === true && s.byName('api')?.git?.complete === true);
    const shop = s.byName('shop')!;
    assert.deepEqual(shop.stack.frameworks, ['react']);
    assert.ok(shop.stack.languages.includes('typescript'));
    assert.equal(shop.git?.branch, 'main');
    assert.equal(shop.git?.lastCommit?.subject, 'first commit');
    const api = s.byName('api')!;
    assert.deepEqual(api.stack.frameworks, ['flask']);
    assert.equal(api.git?.branch, 'feature/login');
    assert.equal(api.git?.dirty, true);
    assert.equal(api.git?.changedFiles, 1);
    assert.equal(s.byName('notes')?.git, null);
  });

  it('keeps the list current from file-system events: new project, commit, branch switch, removal', async () => {
    await portfolio();
    const s = await start();
    await s.until('first scan', () => s.byName('shop')?.git?.complete === true);
    await writeTree(root(), { 'newapp/go.mod': 'module example.com/newapp\n\ngo 1.22\n' });
    await s.until('the new project', () => s.byName('newapp')?.stack.languages.includes('go') === true);
    const shop = path.join(root(), 'shop');
    await writeFile(path.join(shop, 'README.md'), '# shop\n');
    await git(shop, 'add', 'README.md');
    await git(shop, 'commit', '-q', '-m', 'add readme');
    await s.until('the new commit', () => s.byName('shop')?.git?.lastCommit?.subject === 'add readme');
    await git(shop, 'checkout', '-q', '-b', 'feature/cart');
    await s.until('the branch switch', () => s.byName('shop')?.git?.branch === 'feature/cart');
    await rename(path.join(root(), 'notes'), path.join(tmp(), 'notes-moved-away'));
    await s.until('the removal', () => s.byName('notes') === undefined);
  });

  it('shows the stored list at once after a restart, then refreshes it', async () => {
    await portfolio();
    const first = await start();
    await first.until('git state saved', () => first.byName('api')?.git?.complete === true);
    await new Promise((r) => setTimeout(r, 300)); // let the background save of git state land
    await first.stop();
    server = null;
    const second = await start();
    await second.until('any list', () => second.changes.length > 0);
    const initial = second.changes[0]!;
    assert.equal(initial.state, 'stored', 'the remembered list comes before the walk');
    assert.equal(initial.full, true);
    assert.deepEqual(initial.updated.map((p) => p.name).sort(), ['api', 'notes', 'shop']);
    assert.equal(initial.updated.find((p) => p.name === 'api')?.git?.complete, true, 'git state comes from the store too');
    await second.until('the refresh', () => second.lastState === 'ready');
  });

  it('moves a corrupt store aside, says so, and works on a fresh one', async () => {
    await portfolio();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(storePath()), { recursive: true });
    await writeFile(storePath(), 'this is not a database, it is a shopping list');
    const s = await start();
    await s.until('the list', () => s.byName('shop') !== undefined);
    await s.until('a message about the store', () => s.messages.some((m) => /moved aside|corrupt|not a database/i.test(m.message)));
    const kept = (await readdir(path.dirname(storePath()))).filter((f) => f.includes('corrupt'));
    assert.equal(kept.length, 1, 'the bad file is kept');
  });

  it('serves a client that cannot send workspace-folder events (a script, another editor) without an error', async () => {
    await portfolio();
    server = await LspServer.start({ storePath: storePath(), settings: { roots: [root()] }, captureStderr: true, folderEvents: false });
    const s = server;
    const logged: string[] = [];
    s.connection.onNotification('window/logMessage', (m: { message: string }) => void logged.push(m.message));
    await s.until('projects listed', () => !!s.byName('shop'));
    await new Promise((r) => setTimeout(r, 300)); // the initialized handler finishes after the first list
    assert.doesNotMatch(s.stderr + logged.join('\n'), /workspace folder change events/);
  });

  it('warns about a wrong setting and a missing root, and scans what it can', async () => {
    await portfolio();
    const s = await start({ roots: [root(), path.join(tmp(), 'missing')], scan: { maxDepth: 'deep' } });
    await s.until('the list', () => s.byName('shop') !== undefined && s.lastState === 'ready');
    assert.ok(s.messages.some((m) => /optimus\.scan\.maxDepth must be a whole number/.test(m.message)));
    assert.deepEqual(s.changes.at(-1)?.notes.map((n) => n.code), ['root/missing']);
  });
});
