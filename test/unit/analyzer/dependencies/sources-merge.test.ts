import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { dependencyVulnerabilityFindings, mergeSources } from '../../../../language-server/analyzer/dependencies/dependencyVulnerabilities';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { FIXTURES, osvRecord, semverRange, useTempDir, writeFiles } from './helpers';

const finding = (data: AnalyzerFinding['data']): AnalyzerFinding => ({ ruleId: 'dependency/vulnerable', category: 'security', severity: 'error', path: '/p/package.json', line: 1, column: 1, message: 'm', data });

describe('dependency vulnerabilities: both sources together', () => {
  const tmp = useTempDir('merge');

  it('an advisory both sources report is one finding, from npm audit, marked alsoIn osv', () => {
    const npm = [finding({ source: 'npm audit', dependency: 'lodash', advisoryId: 'GHSA-35jh-r3h4-6jhm' })];
    const osv = [
      finding({ source: 'osv', dependency: 'lodash', advisoryId: 'CVE-2021-23337', aliases: 'GHSA-35jh-r3h4-6jhm' }),
      finding({ source: 'osv', dependency: 'lodash', advisoryId: 'GHSA-only-in-osv0', aliases: '' }),
      finding({ source: 'osv', dependency: 'other', advisoryId: 'GHSA-35jh-r3h4-6jhm', aliases: '' }),
    ];
    const merged = mergeSources(npm, osv);
    assert.deepEqual(merged.map((f) => [f.data?.source, f.data?.dependency, f.data?.advisoryId, f.data?.alsoIn]), [
      ['npm audit', 'lodash', 'GHSA-35jh-r3h4-6jhm', 'osv'],
      ['osv', 'lodash', 'GHSA-only-in-osv0', undefined],
      ['osv', 'other', 'GHSA-35jh-r3h4-6jhm', undefined],
    ]);
    assert.equal(npm[0]?.data?.alsoIn, undefined, "the caller's findings are not changed");
  });

  it('runs npm audit only when allowed and OSV only when configured; the same note is given once', async () => {
    await writeFiles(tmp(), { 'osv.json': [] });
    const result = await dependencyVulnerabilityFindings(tmp(), { npmAudit: true, osvDbPath: path.join(tmp(), 'osv.json'), run: async () => assert.fail('no lockfile: npm must not run') });
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0] ?? '', /No package-lock\.json/);
    assert.deepEqual(await dependencyVulnerabilityFindings(tmp(), { npmAudit: false }), { findings: [], notes: [] });
  });

  it('on the recorded project: npm audit findings, and the OSV ones npm did not have', async () => {
    for (const file of ['package.json', 'package-lock.json']) await copyFile(path.join(FIXTURES, 'npm-audit-project', file), path.join(tmp(), file));
    await writeFiles(tmp(), {
      'osv.json': [
        osvRecord('GHSA-35jh-r3h4-6jhm', 'lodash', { ranges: [semverRange({ introduced: '0' }, { fixed: '4.17.21' })] }),
        osvRecord('GHSA-wxyz-wxyz-wxyz', 'wordwrap', { versions: ['0.0.3'] }),
      ],
    });
    const stdout = await readFile(path.join(FIXTURES, 'npm-audit-report.json'), 'utf8');
    const { findings } = await dependencyVulnerabilityFindings(tmp(), { npmAudit: true, osvDbPath: path.join(tmp(), 'osv.json'), run: async () => ({ stdout, code: 1 }) });
    assert.equal(findings.length, 8);
    assert.equal(findings.find((f) => f.data?.advisoryId === 'GHSA-35jh-r3h4-6jhm')?.data?.alsoIn, 'osv');
    const wordwrap = findings.find((f) => f.data?.dependency === 'wordwrap');
    assert.deepEqual([wordwrap?.data?.source, wordwrap?.data?.dev, wordwrap?.data?.direct, path.basename(wordwrap?.path ?? '')], ['osv', false, false, 'package-lock.json']);
  });
});
