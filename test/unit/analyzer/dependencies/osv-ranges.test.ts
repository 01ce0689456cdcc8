import assert from 'node:assert/strict';
import { matchVersion } from '../../../../language-server/analyzer/dependencies/osvMatch';
import { readOsvRecord } from '../../../../language-server/analyzer/dependencies/osvRecord';
import type { OsvAffected } from '../../../../language-server/analyzer/dependencies/osvRecord';
import { osvRecord, semverRange } from './helpers';

/** The npm entry of a record built from `affected`, as the database would hold it. */
function entry(affected: Record<string, unknown>): OsvAffected {
  const read = readOsvRecord(osvRecord('OSV-T', 'pkg', affected));
  assert.ok(read.ok && read.advisory, read.ok ? 'no npm entry' : read.reason);
  return read.advisory.affected[0] as OsvAffected;
}

/** Which of `versions` the entry says are affected. */
const affected = (e: OsvAffected, versions: string[]): string[] => versions.filter((v) => matchVersion(e, v).affected);

describe('OSV ranges: which installed versions are affected', () => {
  it('introduced "0" + fixed: everything below the fix, 0.0.0 and prereleases of the fix included', () => {
    const e = entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '4.17.21' })] });
    assert.deepEqual(affected(e, ['0.0.0', '0.0.1-alpha', '4.17.20', '4.17.21-rc.1', '4.17.21', '4.17.22', '5.0.0']), ['0.0.0', '0.0.1-alpha', '4.17.20', '4.17.21-rc.1']);
    assert.deepEqual(matchVersion(e, '4.17.15'), { affected: true, fixed: '4.17.21' });
  });

  it('introduced without a fix: that version and everything after', () => {
    const e = entry({ ranges: [semverRange({ introduced: '1.2.0' })] });
    assert.deepEqual(affected(e, ['1.1.9', '1.2.0-beta', '1.2.0', '99.0.0']), ['1.2.0', '99.0.0']);
    assert.deepEqual(matchVersion(e, '2.0.0'), { affected: true, fixed: undefined });
  });

  it('last_affected is inclusive, unlike fixed', () => {
    const e = entry({ ranges: [semverRange({ introduced: '1.0.0' }, { last_affected: '1.4.2' })] });
    assert.deepEqual(affected(e, ['0.9.0', '1.0.0', '1.4.2', '1.4.3-alpha', '1.4.3']), ['1.0.0', '1.4.2']);
  });

  it('several introduced/fixed pairs in one range, given out of order', () => {
    const e = entry({ ranges: [semverRange({ fixed: '2.3.0' }, { introduced: '2.0.0' }, { fixed: '1.2.0' }, { introduced: '1.0.0' })] });
    assert.deepEqual(affected(e, ['0.9.0', '1.0.0', '1.1.9', '1.2.0', '1.5.0', '2.0.0-rc.1', '2.0.0', '2.2.9', '2.3.0']), ['1.0.0', '1.1.9', '2.0.0', '2.2.9']);
    assert.deepEqual(matchVersion(e, '1.1.0'), { affected: true, fixed: '1.2.0' }, 'the first fix above the installed version');
  });

  it('several ranges: affected by any; ECOSYSTEM ranges read as semver for npm; GIT ranges and limit events ignored', () => {
    const e = entry({
      ranges: [
        semverRange({ introduced: '0' }, { fixed: '0.2.4' }),
        { type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { fixed: '1.2.6' }, { limit: '9.9.9' }] },
        { type: 'GIT', repo: 'https://example.invalid/r', events: [{ introduced: 'abc123' }] },
      ],
    });
    assert.deepEqual(affected(e, ['0.0.8', '0.2.4', '0.9.0', '1.2.0', '1.2.6']), ['0.0.8', '1.2.0']);
  });

  it('explicit versions lists, also for versions that are not semver (a git dependency\'s)', () => {
    const e = entry({ versions: ['1.0.0', 'weird-tag'], ranges: [semverRange({ introduced: '3.0.0' }, { fixed: '3.1.0' })] });
    assert.deepEqual(affected(e, ['1.0.0', '1.0.1', 'weird-tag', 'other-tag', '3.0.5']), ['1.0.0', 'weird-tag', '3.0.5']);
  });

  it('introduced and fixed at the same version: an empty range', () => {
    const e = entry({ ranges: [semverRange({ fixed: '1.0.0' }, { introduced: '1.0.0' })] });
    assert.deepEqual(affected(e, ['0.9.0', '1.0.0', '1.0.1']), []);
  });

  it('only npm entries are kept, by exact name; withdrawn records match nothing', () => {
    const record = {
      id: 'OSV-X', summary: 's',
      affected: [
        { package: { ecosystem: 'PyPI', name: 'pkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0a1' }] }] },
        { package: { ecosystem: 'npm', name: 'Pkg' }, versions: ['1.0.0'] },
      ],
    };
    const read = readOsvRecord(record);
    assert.ok(read.ok);
    assert.deepEqual(read.advisory?.affected.map((a) => a.name), ['Pkg'], 'a PyPI version like 1.0a1 is not checked, and not an error');
    assert.deepEqual(readOsvRecord({ ...record, withdrawn: '2024-01-01T00:00:00Z' }), { ok: true, advisory: null });
  });

  it('severity from GitHub\'s database_specific, MAL- records as critical, the advisory link from references', () => {
    const ghsa = readOsvRecord(osvRecord('GHSA-aaaa-bbbb-cccc', 'pkg', { versions: ['1.0.0'] }, {
      database_specific: { severity: 'MODERATE' },
      references: [{ type: 'WEB', url: 'https://example.invalid/web' }, { type: 'ADVISORY', url: 'https://example.invalid/adv' }],
    }));
    assert.ok(ghsa.ok);
    assert.deepEqual([ghsa.advisory?.severity, ghsa.advisory?.url], ['MODERATE', 'https://example.invalid/adv']);
    const mal = readOsvRecord(osvRecord('MAL-2024-1', 'pkg', { versions: ['1.0.0'] }));
    assert.ok(mal.ok);
    assert.deepEqual([mal.advisory?.severity, mal.advisory?.url], ['critical', 'https://osv.dev/vulnerability/MAL-2024-1']);
  });
});
