import assert from 'node:assert/strict';
import path from 'node:path';
import { LintHost } from '../../../../language-server/analyzer/lint/host/lintHost';
import { isAlive } from '../../../../language-server/store/lock';
import { writeTree } from '../../helpers/files';
import { useTempDir } from '../../helpers/tempDir';

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('lint: the lint host process (real child process, real ESLint and TypeScript)', function () {
  this.timeout(60_000);
  const tmp = useTempDir('lint-host');
  const project = (): string => path.join(tmp(), 'app');
  let host: LintHost;
  afterEach(() => host?.dispose());

  it('lints files and open texts, and type-checks, in a process of its own', async () => {
    await writeTree(project(), {
      'a.js': 'const unused = 1;\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true }, "include": ["*.ts"] }',
      'b.ts': 'export const n: number = "text";\n',
    });
    host = new LintHost();
    const files = await host.lint(project(), [path.join(project(), 'a.js')], { trusted: true });
    assert.deepEqual(files.findings.map((f) => `${f.ruleId}@${f.line}`), ['eslint/no-unused-vars@1']);
    const text = await host.lint(project(), [{ path: path.join(project(), 'c.js'), text: 'undefinedCall();\n' }], { trusted: true });
    assert.deepEqual(text.findings.map((f) => f.ruleId), ['eslint/no-undef']);
    const types = await host.types(path.join(project(), 'tsconfig.json'), undefined, {});
    assert.deepEqual(types.findings.map((f) => `${f.ruleId}@${path.basename(f.path)}:${f.line}`), ['ts/2322@b.ts:1']);
    assert.ok(host.pid !== undefined && host.pid !== process.pid, 'the work ran in a child process');
  });

  it('fails a request with a clear error when the host is killed, and starts a new host for the next one', async () => {
    await writeTree(project(), { 'a.js': 'const unused = 1;\n' });
    host = new LintHost();
    await host.lint(project(), [path.join(project(), 'a.js')], { trusted: true });
    const first = host.pid;
    // A project config that never finishes loading keeps the host busy until it is killed.
    await writeTree(project(), { 'eslint.config.mjs': 'await new Promise(() => setInterval(() => {}, 1000));\nexport default [];\n' });
    const hanging = host.lint(project(), [path.join(project(), 'a.js')], { trusted: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(first ?? 0, 'SIGKILL');
    await assert.rejects(hanging, /The lint process was killed \(SIGKILL\) before it answered/);
    await writeTree(project(), { 'eslint.config.mjs': 'export default [{ rules: { "no-unused-vars": "error" } }];\n' });
    const again = await host.lint(project(), [path.join(project(), 'a.js')], { trusted: true });
    assert.deepEqual(again.findings.map((f) => [f.ruleId, f.severity]), [['eslint/no-unused-vars', 'error']]);
    assert.notEqual(host.pid, first);
  });

  it('cancels a request that would never end, and keeps serving', async () => {
    // A config that never finishes loading: only the cancel can end this request (within the test's timeout).
    await writeTree(project(), { 'a.js': 'const unused = 1;\n', 'eslint.config.mjs': 'await new Promise(() => setInterval(() => {}, 1000));\nexport default [];\n' });
    host = new LintHost();
    const controller = new AbortController();
    const request = host.lint(project(), [path.join(project(), 'a.js')], { trusted: true, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 200);
    await assert.rejects(request, /user cancelled/);
    const other = path.join(tmp(), 'other');
    await writeTree(other, { 'b.js': 'var x = 1;\nx;\n' });
    const next = await host.lint(other, [{ path: path.join(other, 'b.js'), text: 'var x = 1;\nx;\n' }], { trusted: true });
    assert.deepEqual(next.findings, []);
  });

  it('ends after its idle time and when disposed, and refuses work after dispose', async () => {
    await writeTree(project(), { 'a.js': 'export const a = 1;\n' });
    host = new LintHost({ idleMs: 300 });
    await host.lint(project(), [path.join(project(), 'a.js')], { trusted: true });
    const idle = host.pid ?? 0;
    await waitUntil(() => !isAlive(idle));
    assert.equal(host.pid, undefined);
    await host.lint(project(), [path.join(project(), 'a.js')], { trusted: true });
    const second = host.pid ?? 0;
    host.dispose();
    await waitUntil(() => !isAlive(second));
    await assert.rejects(host.lint(project(), [path.join(project(), 'a.js')], { trusted: true }), /shut down/);
  });
});
