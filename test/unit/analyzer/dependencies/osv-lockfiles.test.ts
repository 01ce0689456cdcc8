import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { osvFindings } from '../../../../language-server/analyzer/dependencies/osvFindings';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { osvRecord, semverRange, useTempDir, writeFiles } from './helpers';
import { SAME_PROJECT, SAME_PROJECT_ROWS, copyFixture, readOk, rows } from './lockfileFixtures';

/** Modelled on the GitHub advisories for these versions (ranges as published; summaries shortened). */
const DATABASE = [
  osvRecord('GHSA-gxpj-cx7g-858c', 'debug', { ranges: [semverRange({ introduced: '0' }, { fixed: '2.6.9' })] }, { summary: 'Regular Expression Denial of Service in debug' }),
  osvRecord('GHSA-w9mr-4mfr-499f', 'ms', { ranges: [semverRange({ introduced: '0' }, { fixed: '2.0.0' })] }, { summary: 'Vercel ms Inefficient Regular Expression Complexity' }),
  osvRecord('GHSA-vh95-rmgr-6w4m', 'minimist', { ranges: [semverRange({ introduced: '0' }, { fixed: '0.2.1' }, { introduced: '1.0.0' }, { fixed: '1.2.3' })] }, { summary: 'Prototype Pollution in minimist' }),
];

const LOCKFILE: Record<(typeof SAME_PROJECT)[number], string> = {
  npm: 'package-lock.json', 'yarn-v1': 'yarn.lock', 'yarn-berry-v6': 'yarn.lock', 'yarn-berry-v8': 'yarn.lock',
  'pnpm-v5': 'pnpm-lock.yaml', 'pnpm-v6': 'pnpm-lock.yaml', 'pnpm-v9': 'pnpm-lock.yaml',
};

describe('OSV against npm, yarn and pnpm lockfiles of one project', () => {
  const tmp = useTempDir('osv-locks');

  /** [advisory, package, version, dev-only, direct, file, the line pointed at]. */
  async function summary(findings: readonly AnalyzerFinding[]): Promise<unknown[][]> {
    const out: unknown[][] = [];
    for (const f of findings) {
      const line = (await readFile(f.path, 'utf8')).split(/\r?\n/)[f.line - 1]?.trim();
      out.push([f.data?.advisoryId, f.data?.dependency, f.data?.version, f.data?.dev, f.data?.direct, path.basename(f.path), line]);
    }
    return out.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  }

  for (const fixture of SAME_PROJECT) {
    it(`${fixture}: debug (runtime, direct), the ms behind the my-ms alias, minimist (dev-only, transitive)`, async () => {
      await copyFixture(fixture, tmp());
      await writeFiles(tmp(), { 'osv.json': DATABASE });
      // npm's `top` is "hoisted to node_modules/<name>", so only versions and dev flags compare for it.
      const cut = fixture === 'npm' ? 3 : 4;
      assert.deepEqual(rows((await readOk(tmp())).nodes.values()).map((r) => r.slice(0, cut)), SAME_PROJECT_ROWS.map((r) => r.slice(0, cut)));
      const { findings, notes } = await osvFindings(tmp(), path.join(tmp(), 'osv.json'));
      assert.deepEqual(notes, []);
      const lockfile = LOCKFILE[fixture];
      const got = await summary(findings);
      assert.deepEqual(got.map((row) => row.slice(0, 6)), [
        ['GHSA-gxpj-cx7g-858c', 'debug', '2.6.8', false, true, 'package.json'],
        ['GHSA-vh95-rmgr-6w4m', 'minimist', '0.0.8', true, false, lockfile],
        ['GHSA-w9mr-4mfr-499f', 'ms', '0.7.0', false, false, lockfile],
      ]);
      // The line each points at: package.json's declaration, else the package's own lockfile entry.
      const [debug, minimist, ms] = got.map((row) => String(row[6]));
      assert.equal(debug, '"debug": "2.6.8",');
      assert.match(minimist ?? '', fixture === 'npm' ? /^"node_modules\/minimist": \{$/ : /minimist.*0\.0\.8/);
      assert.match(ms ?? '', fixture === 'npm' ? /^"node_modules\/my-ms": \{$/ : /ms.*0\.7\.0/);
      for (const f of findings) {
        assert.ok(f.message.endsWith(fixture === 'npm' ? '[OSV]' : `[OSV, ${lockfile}]`), f.message);
        assert.equal(f.data?.lockfile, fixture === 'npm' ? undefined : lockfile);
      }
    });
  }

  it('the lockfile used is npm\'s first (shrinkwrap, package-lock), then pnpm-lock.yaml, then yarn.lock', async () => {
    for (const fixture of ['npm', 'pnpm-v9', 'yarn-v1']) await copyFixture(fixture, tmp());
    const used = async (): Promise<string> => path.basename((await readOk(tmp())).path);
    assert.equal(await used(), 'package-lock.json');
    await rm(path.join(tmp(), 'package-lock.json'));
    assert.equal(await used(), 'pnpm-lock.yaml');
    await rm(path.join(tmp(), 'pnpm-lock.yaml'));
    assert.equal(await used(), 'yarn.lock');
  });

  it('no lockfile: npm audit\'s note word for word, so the two sources give it once', async () => {
    await writeFiles(tmp(), { 'package.json': { dependencies: { debug: '2.6.8' } }, 'osv.json': DATABASE });
    const { findings, notes } = await osvFindings(tmp(), path.join(tmp(), 'osv.json'));
    assert.deepEqual(findings, []);
    assert.deepEqual(notes, [`No package-lock.json or npm-shrinkwrap.json in ${tmp()}: npm dependencies were not checked for known vulnerabilities.`]);
  });

  it('a broken lockfile: no findings and one note naming it; a partly readable one: findings and its notes', async () => {
    await writeFiles(tmp(), { 'osv.json': DATABASE, 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters: {\n" });
    let scan = await osvFindings(tmp(), path.join(tmp(), 'osv.json'));
    assert.deepEqual(scan.findings, []);
    assert.match(scan.notes.join('\n'), /^pnpm-lock\.yaml is not valid YAML: .*; dependencies were not checked/);
    await rm(path.join(tmp(), 'pnpm-lock.yaml'));
    await writeFiles(tmp(), { 'yarn.lock': 'debug@2.6.8:\n  version "2.6.8"\n\n"../x@1.0.0":\n  version "1.0.0"\n' });
    scan = await osvFindings(tmp(), path.join(tmp(), 'osv.json'));
    assert.deepEqual(scan.findings.map((f) => [f.data?.dependency, path.basename(f.path), f.line]), [['debug', 'yarn.lock', 1]]);
    assert.match(scan.notes.join('\n'), /^yarn\.lock has a part that could not be read.*"\.\.\/x@1\.0\.0" does not name a package/);
  });
});
