import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PublishDiagnosticsNotification, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { AnalyzeProjectRequest, ApplyFixRequest, AuditLogRequest, ExplainRuleRequest, ProjectScoresNotification, type ApplyFixParams, type ProjectScore } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { applyToDisk } from '../helpers/applyEdit';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';
import { listPids, readArgv, readStat } from '../../../language-server/scanner/runtime/procfs';
import { isAlive } from '../../../language-server/store/lock';

/** The lint host processes whose parent is `pid`. */
function lintHostsOf(pid: number): number[] {
  return listPids().filter((p) => readStat(p)?.ppid === pid && readArgv(p).argv.some((a) => a.includes('lintHost')));
}

// Built at run time, so no key-shaped text sits in this file (the secrets scanner reads the repository too).
const STRIPE_KEY = ['sk', 'live', '51Hq8ZyLmN3pQ7rT9vW2xY4zA6bC8dE0fG'].join('_');

const COMPLEX = `export function route(a, b, c, d) {
  if (a) { return 1; } else if (b) { return 2; }
  for (const x of c) { if (x && d) { return x; } }
  while (d || a) { if (b ?? c) { break; } }
  switch (a) { case 1: return 1; case 2: return 2; case 3: return 3; default: return 0; }
}
`;


describe('language server: the analyzer over LSP', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-analyzer');
  const root = () => path.join(tmp(), 'projects');
  const shop = () => path.join(root(), 'shop');

  async function start(analysis: object = { lint: false }): Promise<{ s: LspServer; diagnostics: Map<string, Diagnostic[]>; scores: ProjectScore[] }> {
    await writeTree(shop(), {
      'package.json': JSON.stringify({ name: 'shop', version: '1.0.0' }),
      'src/pay.js': `const stripe = require('stripe')('${STRIPE_KEY}');\nmodule.exports = { stripe };\n`,
      'src/route.js': COMPLEX,
    });
    server = await LspServer.start({ storePath: path.join(tmp(), 'store', 'optimus.sqlite'), settings: { roots: [root()], containers: { enabled: false }, analysis } });
    const diagnostics = new Map<string, Diagnostic[]>();
    const scores: ProjectScore[] = [];
    server.connection.onNotification(PublishDiagnosticsNotification.type, (p) => (diagnostics.set(p.uri, p.diagnostics), server!.wake()));
    server.connection.onNotification(ProjectScoresNotification.type, (p) => (scores.push(...p.scores), server!.wake()));
    server.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => applyToDisk(p.edit));
    await server.until('shop listed', () => !!server!.byName('shop'));
    return { s: server, diagnostics, scores };
  }

  async function open(s: LspServer, file: string): Promise<string> {
    const uri = pathToFileURL(file).href;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: await readFile(file, 'utf8') } });
    return uri;
  }

  it('flags a live secret in an open file, and moves it to .env with the quick fix, audited', async () => {
    const { s, diagnostics } = await start();
    const uri = await open(s, path.join(shop(), 'src/pay.js'));
    await s.until('the secret diagnostic', () => (diagnostics.get(uri) ?? []).some((d) => String(d.code).startsWith('secret/stripe')));
    const diagnostic = diagnostics.get(uri)!.find((d) => String(d.code).startsWith('secret/'))!;
    assert.equal(diagnostic.source, 'optimus');
    assert.equal(diagnostic.codeDescription?.href, `optimus-rule:/${String(diagnostic.code)}.md`, 'the rule id links to its explanation');
    const page = await s.connection.sendRequest(ExplainRuleRequest.type, { ruleId: String(diagnostic.code) });
    assert.match(page ?? '', /^# .*Stripe/i);
    assert.equal(await s.connection.sendRequest(ExplainRuleRequest.type, { ruleId: 'no/such-rule' }), null);
    assert.ok(!JSON.stringify(diagnostic.message).includes(STRIPE_KEY.slice(8)), 'the message does not hold the key');

    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const move = actions.find((a) => a.title === 'Move this secret to .env');
    assert.ok(move?.command, `a move action among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => /^Disable secret\/stripe-secret-key for this line/.test(a.title)));
    const result = await s.connection.sendRequest(ApplyFixRequest.type, move.command.arguments![0] as ApplyFixParams);
    assert.equal(result.applied, true);

    const code = await readFile(path.join(shop(), 'src/pay.js'), 'utf8');
    assert.match(code, /require\('stripe'\)\(process\.env\.STRIPE_\w+\)/);
    assert.ok(!code.includes(STRIPE_KEY));
    assert.match(await readFile(path.join(shop(), '.env'), 'utf8'), new RegExp(`^STRIPE_\\w+=${STRIPE_KEY}$`, 'm'));
    assert.match(await readFile(path.join(shop(), '.gitignore'), 'utf8'), /^\.env$/m);
    const [row] = await s.connection.sendRequest(AuditLogRequest.type, { limit: 1 });
    assert.deepEqual([row?.action, row?.outcome], ['fix.moveSecret', 'ok']);
    assert.ok(!JSON.stringify(row).includes(STRIPE_KEY.slice(8)), 'the audit row does not hold the key');
  });

  it('refuses a fix for a version of the file that has changed since', async () => {
    const { s, diagnostics } = await start();
    const uri = await open(s, path.join(shop(), 'src/pay.js'));
    await s.until('the secret diagnostic', () => (diagnostics.get(uri) ?? []).length > 0);
    await assert.rejects(s.connection.sendRequest(ApplyFixRequest.type, { uri, version: 0, index: 0, kind: 'moveSecret' }), /changed since/);
  });

  it('reports complexity where ESLint does, and analyzes the whole project into diagnostics and scores', async () => {
    const { s, diagnostics, scores } = await start();
    const summary = await s.connection.sendRequest(AnalyzeProjectRequest.type, { path: shop() });
    assert.equal(summary.files >= 3, true, `${summary.files} files`);
    assert.ok(summary.health.score > 0 && summary.health.score <= 100);
    const routeUri = pathToFileURL(path.join(shop(), 'src/route.js')).href;
    await s.until('project diagnostics', () => (diagnostics.get(routeUri) ?? []).length > 0);
    const complexity = diagnostics.get(routeUri)!.find((d) => d.code === 'complexity');
    assert.ok(complexity, `complexity among ${diagnostics.get(routeUri)!.map((d) => d.code).join(', ')}`);
    assert.deepEqual(complexity.range.start, { line: 0, character: 7 }, 'at the function head, as ESLint reports it');
    await s.until('the scores notification', () => scores.some((x) => x.path === shop()));
    const again = await s.connection.sendRequest(AnalyzeProjectRequest.type, { path: shop() });
    assert.equal(again.analyzed, 0, 'nothing changed: every file comes from the cache');
    assert.equal(again.cached, summary.files);
  });

  it('runs ESLint in a lint process of its own, whose problems show on an open file, and which ends with a killed server', async () => {
    const { s, diagnostics } = await start({ lint: true });
    await writeFile(path.join(shop(), 'src/extra.js'), 'const unused = 1;\n');
    const uri = await open(s, path.join(shop(), 'src/extra.js'));
    await s.until('the ESLint diagnostic', () => (diagnostics.get(uri) ?? []).some((d) => d.code === 'eslint/no-unused-vars'));
    const hosts = lintHostsOf(s.child.pid ?? 0);
    assert.equal(hosts.length, 1, 'one lint host, a child of the server');
    await s.crash();
    const deadline = Date.now() + 5000;
    while (isAlive(hosts[0]!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(isAlive(hosts[0]!), false, 'the lint host does not outlive its server');
  });
});
