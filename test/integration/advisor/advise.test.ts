import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Recommendation } from '../../../language-server/advisor/recommend/recommendation';
import { AdviseRequest, AnalyzeProjectRequest, BackupRequest } from '../../../language-server/protocol';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { git } from '../helpers/git';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';

interface AdviceJson {
  recommendations: Array<{ id: string; project: string; kind: string; title: string; why: string; impact: string; effort: string; score: number; action: { kind: string; path: string } | null }>;
}

const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();

describe('advisor: what to do next, on real repositories (CLI and LSP)', function () {
  this.timeout(60_000);
  before(buildOnce);
  const tmp = useTempDir('advise');
  const root = () => path.join(tmp(), 'projects');
  const env = () => ({ OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });
  const db = () => path.join(tmp(), 'home', 'optimus.sqlite');

  /** `risky`: committed ten days ago, changed since; `tidy`: everything a project should have, committed today. */
  async function portfolio(): Promise<void> {
    await writeTree(path.join(root(), 'risky'), { 'package.json': JSON.stringify({ name: 'risky' }), 'index.js': 'module.exports = 1;\n' });
    await git(path.join(root(), 'risky'), 'init', '-q', '-b', 'main');
    await git(path.join(root(), 'risky'), 'add', '-A');
    await git(path.join(root(), 'risky'), 'commit', '-q', '-m', 'start', '--date', tenDaysAgo);
    await writeFile(path.join(root(), 'risky', 'index.js'), 'module.exports = 2; // unsaved work\n');
    await writeTree(path.join(root(), 'tidy'), {
      'package.json': JSON.stringify({ name: 'tidy', scripts: { test: 'node --test' } }),
      'README.md': '# tidy\n', 'LICENSE': 'MIT\n', 'test/a.test.js': 'require("node:test");\n', '.github/workflows/ci.yml': 'on: push\n',
    });
  }

  it('bad usage first: no PATH, a PATH that is not a folder — exit 2, nothing on stdout', async () => {
    for (const args of [['advise', '--json'], ['advise', path.join(tmp(), 'nope'), '--json']]) {
      const run = await optimus([...args, '--db', db()], env());
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
    }
  });

  it('ranks the uncommitted work first with a backup as its action, and leaves the tidy project alone', async () => {
    await portfolio();
    const run = await optimus(['advise', root(), '--json', '--db', db()], env());
    assert.equal(run.code, 0, run.stderr);
    const { recommendations } = JSON.parse(run.stdout) as AdviceJson;
    const first = recommendations[0];
    assert.equal(first?.kind, 'work-at-risk');
    assert.equal(first?.project, path.join(root(), 'risky'));
    assert.match(first?.why ?? '', /1 changed file and no commit for (9|10) days, and no backup/);
    assert.deepEqual(first?.action, { kind: 'backup', path: path.join(root(), 'risky') });
    const kinds = recommendations.map((r) => `${r.kind}:${path.basename(r.project)}`);
    for (const expected of ['no-backup:risky', 'missing-readme:risky', 'missing-license:risky']) assert.ok(kinds.includes(expected), `${expected} in ${kinds.join(', ')}`);
    assert.ok(!kinds.some((k) => k.endsWith(':tidy')), `nothing for tidy: ${kinds.join(', ')}`);
    assert.equal(new Set(recommendations.map((r) => r.id)).size, recommendations.length, 'ids are unique');

    const lines = await optimus(['advise', path.join(root(), 'risky'), '--json', '--batch', '--db', db()], env());
    assert.equal(lines.code, 0, lines.stderr);
    assert.deepEqual(lines.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind), kinds.filter((k) => k.endsWith(':risky')).map((k) => k.split(':')[0]));
  });

  it('answers optimus/advise for the portfolio and for one project, and refuses a folder it does not know', async () => {
    await portfolio();
    const s = await LspServer.start({ storePath: db(), settings: { roots: [root()], containers: { enabled: false } } });
    try {
      await s.until('both projects with their git state', () => s.byName('risky')?.git?.complete === true && !!s.byName('tidy'));
      const all = await s.connection.sendRequest(AdviseRequest.type, {});
      assert.equal(all[0]?.kind, 'work-at-risk');
      const one = await s.connection.sendRequest(AdviseRequest.type, { path: path.join(root(), 'tidy') });
      assert.deepEqual(one, []);
      await assert.rejects(s.connection.sendRequest(AdviseRequest.type, { path: path.join(tmp(), 'elsewhere') }), /not a project Optimus knows|is not a project/);
    } finally {
      await s.stop();
    }
  });

  it('a cached list never goes stale: it is worked out again once a backup ran or the work was committed', async () => {
    await portfolio();
    const risky = path.join(root(), 'risky');
    const s = await LspServer.start({ storePath: db(), settings: { roots: [root()], containers: { enabled: false }, backup: { folder: path.join(tmp(), 'backups') } } });
    const kinds = async () => (await s.connection.sendRequest(AdviseRequest.type, { path: risky })).map((r) => r.kind);
    try {
      await s.until('risky with its git state', () => s.byName('risky')?.git?.complete === true);
      assert.ok((await kinds()).includes('no-backup'));
      await s.connection.sendRequest(BackupRequest.type, { path: risky });
      assert.ok(!(await kinds()).includes('no-backup'), 'the backup (an audited action) dropped the cached list');
      assert.ok((await kinds()).includes('work-at-risk'));
      await git(risky, 'commit', '-q', '-am', 'save the work');
      await s.until('risky clean', () => s.byName('risky')?.git?.dirty === false);
      assert.ok(!(await kinds()).includes('work-at-risk'), 'the commit (a change to the project index) dropped the cached list');
    } finally {
      await s.stop();
    }
  });

  it('after an analysis, names the gaps of the revenue model that fits best (stored with the analysis)', async () => {
    await writeTree(path.join(root(), 'webshop'), {
      'package.json': JSON.stringify({ name: 'webshop', private: true, scripts: { dev: 'vite', build: 'vite build' }, dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' }, devDependencies: { vite: '^5.4.0' } }),
      'index.html': '<div id="root"></div><script type="module" src="/src/main.jsx"></script>\n',
      'src/main.jsx': 'import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")).render(null);\n',
    });
    const s = await LspServer.start({ storePath: db(), settings: { roots: [root()], containers: { enabled: false }, analysis: { lint: false, npmAudit: false, outdated: false } } });
    try {
      await s.until('webshop listed', () => !!s.byName('webshop'));
      const webshop = path.join(root(), 'webshop');
      assert.ok(!(await s.connection.sendRequest(AdviseRequest.type, { path: webshop })).some((r) => r.kind === 'monetization'), 'nothing assessed yet');
      await s.connection.sendRequest(AnalyzeProjectRequest.type, { path: webshop });
      let money: Recommendation | undefined;
      for (const deadline = Date.now() + 15_000; !money && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
        money = (await s.connection.sendRequest(AdviseRequest.type, { path: webshop })).find((r) => r.kind === 'monetization');
      }
      assert.ok(money, 'a monetization recommendation once the analysis stored the assessment');
      assert.match(money.why, /^Missing: /);
    } finally {
      await s.stop();
    }
  });
});

