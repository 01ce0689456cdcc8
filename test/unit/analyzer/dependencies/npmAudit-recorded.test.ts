import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { NPM_AUDIT_ARGS, npmAuditFindings } from '../../../../language-server/analyzer/dependencies/npmAudit';
import type { NpmRunner } from '../../../../language-server/analyzer/dependencies/npmRunner';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { FIXTURES, useTempDir } from './helpers';

const recorded = (name: string): Promise<string> => readFile(path.join(FIXTURES, name), 'utf8');

/** Replays a recorded stdout; npm audit exits 1 when it reports vulnerabilities or fails. */
function replay(stdout: string, calls: { args: readonly string[]; cwd: string }[] = []): NpmRunner {
  return async (args, options) => {
    calls.push({ args, cwd: options.cwd });
    return { stdout, code: 1 };
  };
}

const byKey = (findings: AnalyzerFinding[]): Map<string, AnalyzerFinding> =>
  new Map(findings.map((f) => [`${f.data?.dependency} ${f.data?.advisoryId || f.data?.title}`, f]));

describe('npm audit: a recorded `npm audit --json` report (npm 11, advisories from a local stub)', () => {
  const tmp = useTempDir('audit-recorded');

  beforeEach(async () => {
    for (const file of ['package.json', 'package-lock.json']) await copyFile(path.join(FIXTURES, 'npm-audit-project', file), path.join(tmp(), file));
  });

  it('runs npm audit on the lockfile only, dev dependencies included, in the project folder', async () => {
    const calls: { args: readonly string[]; cwd: string }[] = [];
    await npmAuditFindings(tmp(), { run: replay(await recorded('npm-audit-report.json'), calls) });
    assert.deepEqual(calls, [{ args: NPM_AUDIT_ARGS, cwd: tmp() }]);
    assert.ok(NPM_AUDIT_ARGS.includes('--package-lock-only') && NPM_AUDIT_ARGS.includes('--include=dev'));
    assert.ok(!NPM_AUDIT_ARGS.some((a) => a.startsWith('--omit')));
  });

  it('one finding per advisory, with npm severities mapped, on the dependency line of package.json', async () => {
    const { findings, notes } = await npmAuditFindings(tmp(), { run: replay(await recorded('npm-audit-report.json')) });
    assert.deepEqual(notes, []);
    const found = byKey(findings);
    assert.deepEqual([...found.keys()].sort(), [
      'lodash GHSA-29mw-wpgm-hmr9', 'lodash GHSA-35jh-r3h4-6jhm', 'lodash GHSA-p6mc-m468-83gw',
      'minimist GHSA-vh95-rmgr-6w4m', 'minimist GHSA-xvch-5gv4-984h',
      'mkdirp depends on vulnerable versions of minimist', 'optimist depends on vulnerable versions of minimist',
    ]);
    const injection = found.get('lodash GHSA-35jh-r3h4-6jhm');
    assert.deepEqual(
      { ...injection, path: path.relative(tmp(), injection?.path ?? '') },
      {
        ruleId: 'dependency/vulnerable', category: 'security', severity: 'error', path: 'package.json', line: 6, column: 1,
        message: 'lodash 4.17.15 (vulnerable: <4.17.21): Command Injection in lodash. Fix available: lodash@4.18.1. [npm audit]',
        data: {
          source: 'npm audit', dependency: 'lodash', version: '4.17.15', range: '<4.17.21', title: 'Command Injection in lodash',
          advisory: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', advisoryId: 'GHSA-35jh-r3h4-6jhm', advisorySeverity: 'high',
          dev: false, direct: true, fixAvailable: true, fix: 'lodash@4.18.1', cwe: 'CWE-77, CWE-94',
        },
      },
    );
    assert.equal(found.get('lodash GHSA-29mw-wpgm-hmr9')?.severity, 'warning', 'moderate → warning');
    assert.equal(found.get('minimist GHSA-xvch-5gv4-984h')?.severity, 'error', 'critical → error');
  });

  it('says whether a dependency is dev-only, from the lockfile dev flags of the affected installs', async () => {
    const found = byKey((await npmAuditFindings(tmp(), { run: replay(await recorded('npm-audit-report.json')) })).findings);
    const mkdirp = found.get('mkdirp depends on vulnerable versions of minimist');
    assert.equal(mkdirp?.data?.dev, true);
    assert.equal(mkdirp?.data?.through, 'minimist');
    assert.match(mkdirp?.message ?? '', /^mkdirp 0\.5\.1 \(vulnerable: 0\.4\.1 - 0\.5\.1\): depends on vulnerable versions of minimist\. Fix available: mkdirp@0\.5\.6\. Dev dependency only\. \[npm audit\]$/);
    // minimist is a dev dependency, but optimist (runtime) brings its own copy 0.0.10: it ships.
    const minimist = found.get('minimist GHSA-xvch-5gv4-984h');
    assert.equal(minimist?.data?.dev, false);
    assert.equal(minimist?.data?.version, '1.2.0, 0.0.8, 0.0.10');
    assert.equal(minimist?.data?.range, '<0.2.4 || >=1.0.0 <1.2.6', 'the advisory listed once per range is one finding');
    assert.match(minimist?.message ?? '', /Fix available: optimist@0\.5\.2, a semver-major update \(`npm audit fix --force`\)/);
    assert.equal(minimist?.line, 10, 'the devDependencies line of minimist');
  });

  it('a package installed only as a transitive copy is placed on its lockfile entry', async () => {
    const report = JSON.parse(await recorded('npm-audit-report.json'));
    report.vulnerabilities.minimist.nodes = ['node_modules/optimist/node_modules/minimist'];
    report.vulnerabilities.minimist.isDirect = false;
    const found = byKey((await npmAuditFindings(tmp(), { run: replay(JSON.stringify(report)) })).findings);
    const minimist = found.get('minimist GHSA-vh95-rmgr-6w4m');
    const lockText = await readFile(path.join(tmp(), 'package-lock.json'), 'utf8');
    const expectedLine = lockText.split('\n').findIndex((l) => l.includes('"node_modules/optimist/node_modules/minimist"')) + 1;
    assert.deepEqual([path.basename(minimist?.path ?? ''), minimist?.line, minimist?.data?.direct, minimist?.data?.version], ['package-lock.json', expectedLine, false, '0.0.10']);
  });
});

describe('npm audit: failures become notes, never throws', () => {
  const tmp = useTempDir('audit-fail');

  beforeEach(async () => {
    for (const file of ['package.json', 'package-lock.json']) await copyFile(path.join(FIXTURES, 'npm-audit-project', file), path.join(tmp(), file));
  });

  const noteFor = async (run: NpmRunner, signal?: AbortSignal): Promise<string> => {
    const result = await npmAuditFindings(tmp(), { run, ...(signal ? { signal } : {}) });
    assert.deepEqual(result.findings, []);
    assert.equal(result.notes.length, 1);
    return result.notes[0] ?? '';
  };

  it('recorded: the registry refused the audit endpoint (HTTP 405)', async () => {
    assert.match(await noteFor(replay(await recorded('npm-audit-registry.json'))), /audit endpoint could not be used \(HTTP 405\): 405 Method Not Allowed/);
  });

  it('recorded: the registry cannot be reached', async () => {
    assert.match(await noteFor(replay(await recorded('npm-audit-unreachable.json'))), /ECONNREFUSED/);
  });

  it('recorded: npm found no lockfile (ENOLOCK: it went between our read and npm\'s)', async () => {
    assert.match(await noteFor(replay(await recorded('npm-audit-no-lockfile.json'))), /npm audit failed \(ENOLOCK\): This command requires an existing lockfile/);
  });

  it('output that is not JSON, or nothing at all', async () => {
    assert.match(await noteFor(async () => ({ stdout: 'Segmentation fault\n', code: 139 })), /did not print JSON \(exit code 139\); it began: "Segmentation fault"/);
    assert.match(await noteFor(async () => ({ stdout: '', code: null })), /printed nothing\./);
    assert.match(await noteFor(async () => ({ stdout: '{"vulnerabilities": ', code: 1 })), /did not print JSON/);
  });

  it('JSON of another shape: npm 6 advisories, or no vulnerabilities map', async () => {
    assert.match(await noteFor(async () => ({ stdout: '{"actions": [], "advisories": {"1": {}}}', code: 1 })), /npm 7 or later/);
    assert.match(await noteFor(async () => ({ stdout: '{"auditReportVersion": 2}', code: 0 })), /without a `vulnerabilities` map/);
  });

  it('a runner that fails (timeout, npm missing) or a cancelled analysis', async () => {
    assert.equal(await noteFor(async () => Promise.reject(new Error('npm audit did not finish within 60 s and was stopped.'))), 'npm audit did not finish within 60 s and was stopped.');
    assert.match(await noteFor(async () => Promise.reject('a string')), /could not run: a string/);
    const aborted = AbortSignal.abort();
    assert.equal(await noteFor(async () => assert.fail('must not run once cancelled'), aborted), 'npm audit was cancelled.');
  });

  it('entries it cannot read are skipped with a note; the rest still count', async () => {
    const report = JSON.parse(await recorded('npm-audit-report.json'));
    report.vulnerabilities.broken = 'not an object';
    report.vulnerabilities.alsoBroken = { name: 'x', via: 'not a list' };
    const result = await npmAuditFindings(tmp(), { run: replay(JSON.stringify(report)) });
    assert.equal(result.findings.length, 7);
    assert.deepEqual(result.notes, ["2 entries of npm audit's report could not be read and were skipped."]);
  });

  it('a clean report gives no findings and no notes', async () => {
    const clean = '{"auditReportVersion":2,"vulnerabilities":{},"metadata":{"vulnerabilities":{"total":0}}}';
    assert.deepEqual(await npmAuditFindings(tmp(), { run: async () => ({ stdout: clean, code: 0 }) }), { findings: [], notes: [] });
  });
});
