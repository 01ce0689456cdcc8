import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadOsvDatabase } from '../../../../language-server/analyzer/dependencies/osvDatabase';
import { osvFindings } from '../../../../language-server/analyzer/dependencies/osvFindings';
import { lockfile, osvRecord, semverRange, useTempDir, writeFiles } from './helpers';

const GOOD = osvRecord('GHSA-good-good-good', 'a', { ranges: [semverRange({ introduced: '0' }, { fixed: '2.0.0' })] });

describe('OSV database: bad input', () => {
  const tmp = useTempDir('osv-bad');

  beforeEach(async () => {
    await writeFiles(tmp(), { 'package.json': { dependencies: { a: '1.0.0' } }, 'package-lock.json': lockfile({ 'node_modules/a': ['1.0.0'] }) });
  });

  const scan = (db: string) => osvFindings(tmp(), path.join(tmp(), db));

  it('a path that does not exist', async () => {
    const { findings, notes } = await scan('nowhere.json');
    assert.deepEqual(findings, []);
    assert.match(notes[0] ?? '', /The OSV database .*nowhere\.json could not be read \(ENOENT/);
  });

  it('a file that is not JSON, or JSON that holds no record', async () => {
    await writeFiles(tmp(), { 'broken.json': '[{"id": "x", ', 'number.json': '42', 'empty.json': '[]' });
    for (const [db, why] of [['broken.json', /not valid JSON/], ['number.json', /neither an OSV record nor a list/], ['empty.json', /holds no readable OSV record/]] as const) {
      const { findings, notes } = await scan(db);
      assert.deepEqual(findings, [], db);
      assert.match(notes.join('\n'), why, db);
      assert.match(notes.at(-1) ?? '', /dependencies were not checked against it/, db);
    }
  });

  it('malformed records are skipped with one note that counts them; good records still match', async () => {
    const bad = [
      'not a record',
      { summary: 'no id' },
      { id: 'BAD-1', affected: 'not a list' },
      osvRecord('BAD-2', 'a', { ranges: [semverRange({ introduced: '0' }, { fixed: 'not-a-version' })] }),
      osvRecord('BAD-3', 'a', { ranges: [{ type: 'SEMVER', events: 'no' }] }),
      osvRecord('BAD-4', 'a', { ranges: [semverRange({ nothing: '1.0.0' })] }),
      osvRecord('BAD-5', 'a', { versions: [1, 2] }),
      { id: 'BAD-6', affected: [{ package: { ecosystem: 'npm' }, versions: ['1.0.0'] }] },
      osvRecord('BAD-7', 'a', { ranges: [semverRange({ introduced: 0 as unknown as string })] }),
    ];
    await writeFiles(tmp(), { 'db.json': [...bad, GOOD] });
    const { findings, notes } = await scan('db.json');
    assert.deepEqual(findings.map((f) => f.data?.advisoryId), ['GHSA-good-good-good']);
    assert.equal(notes.length, 1);
    assert.match(notes[0] ?? '', /^9 OSV records were skipped as malformed: \? in db\.json: a record is not a JSON object; \? in db\.json: a record has no string `id`; BAD-1 in db\.json: `affected` is not an array; …\.$/);
  });

  it('each malformed event shape gets its own reason', async () => {
    const reasons: string[] = [];
    for (const [i, events] of [[{ fixed: 'abc' }], [{}], [{ fixed: 3 }], ['x']].entries()) {
      await writeFiles(tmp(), { [`one${i}.json`]: osvRecord(`R${i}`, 'a', { ranges: [{ type: 'SEMVER', events }] }) });
      const { database, notes } = await loadOsvDatabase(path.join(tmp(), `one${i}.json`));
      assert.equal(database, null);
      reasons.push(notes[0] ?? '');
    }
    assert.match(reasons[0] ?? '', /R0 in one0\.json: affected\[0\]: `fixed` "abc" is not a semantic version/);
    assert.match(reasons[1] ?? '', /an event has none of introduced, fixed, last_affected/);
    assert.match(reasons[2] ?? '', /`fixed` is not a string/);
    assert.match(reasons[3] ?? '', /an event is not an object/);
  });

  it('a database of another ecosystem: no findings, and a note saying it has nothing for npm', async () => {
    await writeFiles(tmp(), { 'pypi.json': [{ id: 'PYSEC-1', affected: [{ package: { ecosystem: 'PyPI', name: 'a' }, versions: ['1.0.0'] }] }] });
    const { findings, notes } = await scan('pypi.json');
    assert.deepEqual(findings, []);
    assert.match(notes[0] ?? '', /holds 1 record, none for an npm package\.$/);
  });

  it('a cancelled load gives no findings and says so', async () => {
    await writeFiles(tmp(), { 'osv/a.json': GOOD, 'osv/b.json': GOOD });
    const { database, notes } = await loadOsvDatabase(path.join(tmp(), 'osv'), AbortSignal.abort());
    assert.deepEqual([database, notes], [null, ['The OSV check was cancelled.']]);
  });
});

describe('OSV database: a folder as osv.dev exports unpack', () => {
  const tmp = useTempDir('osv-folder');

  it('reads one record per file, arrays, {vulns} answers and subfolders; skips other files and notes broken ones', async () => {
    await writeFiles(tmp(), {
      'package.json': { dependencies: { a: '1.0.0' }, devDependencies: { b: '1.0.0' } },
      'package-lock.json': lockfile({ 'node_modules/a': ['1.0.0'], 'node_modules/b': ['1.5.0', { dev: true }], 'node_modules/b/node_modules/c': ['0.1.0', { dev: true }] }),
      'osv/GHSA-good-good-good.json': GOOD,
      'osv/list.json': [osvRecord('OSV-B', 'b', { versions: ['1.5.0'] })],
      'osv/api.json': { vulns: [osvRecord('OSV-C', 'c', { ranges: [semverRange({ introduced: '0' })] })] },
      'osv/nested/deeper/OSV-D.json': osvRecord('OSV-D', 'a', { ranges: [semverRange({ introduced: '0.5.0' }, { last_affected: '1.0.0' })] }),
      'osv/README.txt': 'not json, not read',
      'osv/broken.json': '{',
    });
    await mkdir(path.join(tmp(), 'osv', 'folder.json'));
    const { findings, notes } = await osvFindings(tmp(), path.join(tmp(), 'osv'));
    const summary = findings.map((f) => [f.data?.advisoryId, f.data?.dependency, f.data?.dev, f.data?.direct, path.basename(f.path), f.line]);
    assert.deepEqual(summary.sort(), [
      ['GHSA-good-good-good', 'a', false, true, 'package.json', 3],
      ['OSV-B', 'b', true, true, 'package.json', 6],
      ['OSV-C', 'c', true, false, 'package-lock.json', 18],
      ['OSV-D', 'a', false, true, 'package.json', 3],
    ]);
    assert.equal(notes.length, 1);
    assert.match(notes[0] ?? '', /^2 files of the OSV database were skipped as unreadable: broken\.json: not valid JSON .*; folder\.json: not a regular file\.$/);
  });

  it('the message names package, versions, advisory, fix and dev-only, and the source', async () => {
    await writeFiles(tmp(), {
      'package.json': { devDependencies: { a: '1.0.0' } },
      'package-lock.json': lockfile({ 'node_modules/a': ['1.0.0', { dev: true }], 'node_modules/x/node_modules/a': ['1.1.0', { dev: true }] }),
      'db.json': [{ ...GOOD, aliases: ['CVE-2020-1'], database_specific: { severity: 'HIGH' } }],
    });
    const { findings } = await osvFindings(tmp(), path.join(tmp(), 'db.json'));
    assert.equal(findings.length, 1, 'two copies of one package: one finding');
    assert.deepEqual({ ...findings[0], path: path.basename(findings[0]?.path ?? '') }, {
      ruleId: 'dependency/vulnerable', category: 'security', severity: 'error', path: 'package.json', line: 3, column: 1,
      message: 'a 1.0.0, 1.1.0: GHSA-good-good-good in a (GHSA-good-good-good). Fixed in 2.0.0. Dev dependency only. [OSV]',
      data: {
        source: 'osv', dependency: 'a', version: '1.0.0, 1.1.0', title: 'GHSA-good-good-good in a',
        advisory: 'https://osv.dev/vulnerability/GHSA-good-good-good', advisoryId: 'GHSA-good-good-good', aliases: 'CVE-2020-1',
        advisorySeverity: 'HIGH', dev: true, direct: true, fixAvailable: true, fix: 'a@2.0.0',
      },
    });
  });
});

describe('OSV database: size', () => {
  const tmp = useTempDir('osv-huge');

  it('60,000 records against 6,000 installed packages: indexed by name, not compared pairwise', async function () {
    this.timeout(60000);
    const records = Array.from({ length: 60_000 }, (_, i) =>
      osvRecord(`OSV-${i}`, `pkg-${i % 20_000}`, { ranges: [semverRange({ introduced: '0' }, { fixed: `${(i % 3) + 1}.0.0` })], versions: ['0.0.1'] }, { details: 'x'.repeat(200) }));
    const installs: Record<string, [string]> = {};
    for (let i = 0; i < 6_000; i++) installs[`node_modules/pkg-${i * 3}`] = ['1.5.0'];
    await writeFiles(tmp(), { 'package.json': {}, 'package-lock.json': lockfile(installs) });
    const db = path.join(tmp(), 'db.json');
    await writeFile(db, JSON.stringify(records));
    const started = performance.now();
    const { findings, notes } = await osvFindings(tmp(), db);
    const ms = performance.now() - started;
    // pkg-(3k) is named by records 3k, 3k+20000 and 3k+40000, whose fixes are 1.0.0, 3.0.0 and 2.0.0 (i mod 3):
    // 1.5.0 is affected by the two that are fixed later.
    assert.equal(findings.length, 12_000);
    assert.deepEqual(notes, []);
    // A pairwise check would be 360 million comparisons; the indexed one reads the file and is done.
    assert.ok(ms < 8000, `took ${Math.round(ms)} ms`);
  });
});
