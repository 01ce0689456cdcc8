import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AnalyzeProjectRequest, ProjectDetailRequest } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';

const COMPLEX = `export function route(a, b, c, d) {
  if (a) { return 1; } else if (b) { return 2; }
  for (const x of c) { if (x && d) { return x; } }
  while (d || a) { if (b ?? c) { break; } }
  switch (a) { case 1: return 1; case 2: return 2; case 3: return 3; default: return 0; }
}
`;

const UTIL = `export function twice(n: number): number {
  return n * 2;
}
`;

describe('language server: optimus/projectDetail over LSP', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-detail');
  const root = () => path.join(tmp(), 'projects');
  const shop = () => path.join(root(), 'shop');

  /** A git project with a vulnerable, outdated dependency; the OSV file and the npm-latest cache keep it offline. */
  async function start(): Promise<LspServer> {
    await writeTree(shop(), {
      'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { debug: '^2.6.0' } }, null, 2),
      'package-lock.json': JSON.stringify({ name: 'shop', lockfileVersion: 3, packages: { '': { dependencies: { debug: '^2.6.0' } }, 'node_modules/debug': { version: '2.6.8' } } }),
      'src/route.js': COMPLEX,
      'src/util.ts': UTIL,
    });
    await gitRepo(shop());
    const osv = path.join(tmp(), 'osv.json');
    await writeFile(osv, JSON.stringify([{
      id: 'GHSA-gxpj-cx7g-858c', summary: 'Regular Expression Denial of Service in debug', database_specific: { severity: 'HIGH' },
      affected: [{ package: { ecosystem: 'npm', name: 'debug' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.6.9' }] }] }],
    }]));
    const home = path.join(tmp(), 'home');
    await mkdir(path.join(home, 'cache'), { recursive: true });
    await writeFile(path.join(home, 'cache', 'npm-latest.json'), JSON.stringify({ version: 1, registries: { 'https://registry.npmjs.org': { debug: { latest: '4.3.4', at: Date.now() } } } }));
    server = await LspServer.start({
      storePath: path.join(tmp(), 'store', 'optimus.sqlite'),
      env: { OPTIMUS_HOME: home },
      settings: { roots: [root()], containers: { enabled: false }, analysis: { lint: false, npmAudit: false, outdated: false, osvDatabase: osv } },
    });
    await server.until('shop listed', () => !!server!.byName('shop'));
    return server;
  }

  it('refuses a path it does not know, and a path that is not one', async () => {
    const s = await start();
    await assert.rejects(s.connection.sendRequest(ProjectDetailRequest.type, { path: path.join(tmp(), 'elsewhere') }), /is not a project Optimus knows/);
    await assert.rejects(s.connection.sendRequest(ProjectDetailRequest.type, { path: '' }), /path must be a project folder/);
    await assert.rejects(s.connection.sendRequest(ProjectDetailRequest.type, { path: 42 } as unknown as { path: string }), /path must be a project folder/);
  });

  it('answers for a project before its first analysis, then with its trend, hotspots, findings and dependencies', async () => {
    const s = await start();
    const before = await s.connection.sendRequest(ProjectDetailRequest.type, { path: shop() });
    assert.equal(before.analyzedAt, null);
    assert.deepEqual([before.trend, before.files, before.findings], [[], [], []]);
    assert.ok(before.notes.some((n) => /not been analyzed yet/.test(n)), before.notes.join(' | '));

    const summary = await s.connection.sendRequest(AnalyzeProjectRequest.type, { path: shop() });
    const detail = await s.connection.sendRequest(ProjectDetailRequest.type, { path: shop() });
    assert.deepEqual([detail.path, detail.name], [shop(), 'shop']);
    assert.equal(detail.trend.length, 1);
    assert.equal(detail.trend[0]?.health, summary.health.score);
    assert.equal(detail.analyzedAt, detail.trend[0]?.at);

    const files = detail.files.map((f) => f.file);
    for (const f of ['src/route.js', 'src/util.ts', 'package.json']) assert.ok(files.includes(f), `${f} among ${files.join(', ')}`);
    assert.deepEqual(detail.files.map((f) => f.loc), [...detail.files.map((f) => f.loc)].sort((a, b) => b - a), 'the largest first');
    const route = detail.files.find((f) => f.file === 'src/route.js')!;
    assert.ok(route.maxComplexity > 10 && route.findings >= 1, JSON.stringify(route));
    assert.deepEqual([detail.functions[0]?.file, detail.functions[0]?.name, detail.functions[0]?.line], ['src/route.js', "function 'route'", 1], 'named as ESLint names it');

    assert.ok(detail.findings.some((f) => f.ruleId === 'complexity' && f.file === 'src/route.js'), detail.findings.map((f) => f.ruleId).join(', '));
    const vulnerable = detail.findings.find((f) => f.ruleId === 'dependency/vulnerable');
    assert.equal(vulnerable?.severity, 'error', 'found from the OSV file by the last analysis');
    assert.equal(detail.findings[0]?.severity, 'error', 'errors first');
    assert.equal(Object.values(detail.findingCounts).reduce((a, b) => a + b, 0), summary.findings, 'every finding of the analysis is counted');

    assert.deepEqual(detail.dependencies, [{ name: 'debug', declared: '^2.6.0', locked: '2.6.8', latest: '4.3.4', dev: false, outdated: true, vulnerable: { severity: 'high', ids: ['GHSA-gxpj-cx7g-858c'] } }]);
  });
});
