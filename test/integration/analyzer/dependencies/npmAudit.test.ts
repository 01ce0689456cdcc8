import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { npmAuditFindings } from '../../../../language-server/analyzer/dependencies/npmAudit';
import { runNpm } from '../../../../language-server/analyzer/dependencies/npmRunner';
import { startAuditStub } from './auditStub';

const FIXTURES = path.join(__dirname, '../../../unit/analyzer/dependencies/fixtures');

/** Why the npm registry cannot be used from here, or undefined when `npm ping` answered within 10 s. */
function registryProblem(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('npm', ['ping'], { timeout: 10_000 }, (error) => resolve(error ? `npm ping failed (${error.message.split('\n')[0]})` : undefined));
  });
}

/** Sets environment variables for one test; runNpm passes process.env on to npm. */
function withEnv(vars: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

describe('npm audit with the real npm', () => {
  let dir = '';
  let restoreEnv = (): void => undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'optimus-npm-audit-it-'));
    for (const file of ['package.json', 'package-lock.json']) await copyFile(path.join(FIXTURES, 'npm-audit-project', file), path.join(dir, file));
  });
  afterEach(async () => {
    restoreEnv();
    restoreEnv = () => undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('a registry that cannot be reached: no findings, a note with npm\'s reason, no throw (no network needed)', async () => {
    restoreEnv = withEnv({ npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' });
    const result = await npmAuditFindings(dir, { timeoutMs: 30_000 });
    assert.deepEqual(result.findings, []);
    assert.match(result.notes[0] ?? '', /^npm audit gave no result: the registry's audit endpoint could not be used: .*ECONNREFUSED/);
  });

  it('the real registry: findings for the pinned lodash 4.17.15 (skipped when the registry or its audit endpoint does not answer)', async function () {
    const problem = await registryProblem();
    if (problem) {
      console.log(`      skipped: the npm registry did not answer (${problem})`);
      this.skip();
    }
    const result = await npmAuditFindings(dir, { timeoutMs: 50_000 });
    const refused = result.notes.find((n) => /audit endpoint could not be used|did not finish/.test(n));
    if (refused && result.findings.length === 0) {
      console.log(`      skipped: the registry answers npm ping but not the audit: ${refused}`);
      this.skip();
    }
    const lodash = result.findings.filter((f) => f.data?.dependency === 'lodash');
    assert.ok(lodash.length > 0, `no lodash finding; notes: ${result.notes.join(' | ')}`);
    assert.ok(lodash.every((f) => f.data?.source === 'npm audit' && f.data.dev === false && f.data.direct === true));
    assert.ok(result.findings.some((f) => f.data?.dependency === 'mkdirp' && f.data.dev === true));
  });

  it('the real npm against a loopback audit endpoint: the full report, with the dev-only flags from the lockfile', async function () {
    const problem = await registryProblem();
    if (problem) {
      console.log(`      skipped: npm needs the registry for packuments (${problem})`);
      this.skip();
    }
    const stub = await startAuditStub(JSON.parse(await readFile(path.join(FIXTURES, 'stub-advisories.json'), 'utf8')) as Record<string, unknown[]>);
    restoreEnv = withEnv({ npm_config_registry: stub.url, NODE_ENV: 'production' });
    try {
      const result = await npmAuditFindings(dir, { timeoutMs: 50_000 });
      assert.deepEqual(result.notes, []);
      // NODE_ENV=production makes npm omit dev dependencies by default; the audit must still ask about them.
      assert.deepEqual(stub.requests[0]?.mkdirp, ['0.5.1']);
      const summary = result.findings.map((f) => `${f.data?.dependency} ${f.data?.advisoryId || 'through'} ${f.data?.dev ? 'dev' : 'runtime'} ${f.severity}`).sort();
      assert.deepEqual(summary, [
        'lodash GHSA-29mw-wpgm-hmr9 runtime warning',
        'lodash GHSA-35jh-r3h4-6jhm runtime error',
        'lodash GHSA-p6mc-m468-83gw runtime error',
        'minimist GHSA-vh95-rmgr-6w4m runtime warning',
        'minimist GHSA-xvch-5gv4-984h runtime error',
        'mkdirp through dev error',
        'optimist through runtime error',
      ]);
    } finally {
      await stub.close();
    }
  });
});

describe('npm runner: timeout and cancel stop the process', function () {
  let dir = '';
  let restoreEnv = (): void => undefined;

  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'optimus-npm-runner-'));
    // A stand-in npm that records its pid and hangs.
    await writeFile(path.join(dir, 'npm'), `#!/bin/sh\necho $$ > "${dir}/pid"\nexec sleep 30\n`);
    await chmod(path.join(dir, 'npm'), 0o755);
    restoreEnv = withEnv({ PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` });
  });
  afterEach(async () => {
    restoreEnv();
    await rm(dir, { recursive: true, force: true });
  });

  const alive = async (): Promise<boolean> => {
    const pid = Number((await readFile(path.join(dir, 'pid'), 'utf8')).trim());
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('a timeout rejects with a message for the note, and kills npm', async () => {
    await assert.rejects(runNpm(['audit'], { cwd: dir, timeoutMs: 500 }), /npm audit did not finish within 500 ms and was stopped\./);
    assert.equal(await alive(), false);
  });

  it('an abort rejects at once and kills npm; through npmAuditFindings it is a note', async () => {
    const controller = new AbortController();
    const running = runNpm(['audit'], { cwd: dir, timeoutMs: 30_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(running, /npm audit was cancelled\./);
    assert.equal(await alive(), false);

    for (const file of ['package.json', 'package-lock.json']) await copyFile(path.join(FIXTURES, 'npm-audit-project', file), path.join(dir, file));
    const result = await npmAuditFindings(dir, { signal: AbortSignal.timeout(300) });
    assert.deepEqual(result, { findings: [], notes: ['npm audit was cancelled.'] });
  });

  it('npm missing from the PATH', async () => {
    restoreEnv();
    restoreEnv = withEnv({ PATH: dir + '-nothing-here' });
    await assert.rejects(runNpm(['audit'], { cwd: dir, timeoutMs: 5_000 }), /npm was not found on the PATH\./);
  });
});
