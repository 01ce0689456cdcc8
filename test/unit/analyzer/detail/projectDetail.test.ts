import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzerKey, cachedResultText } from '../../../../language-server/analyzer/cachedResult';
import { projectDetail, type DetailSources } from '../../../../language-server/analyzer/detail/projectDetail';
import { MAX_DETAIL_FILES, MAX_DETAIL_FINDINGS, MAX_DETAIL_FUNCTIONS } from '../../../../language-server/analyzer/detail/projectDetailTypes';
import type { AnalyzerFinding, AnalyzerSeverity, FileMetrics, FunctionMetrics } from '../../../../language-server/analyzer/types';
import type { Project } from '../../../../language-server/model';
import { saveAnalysisCache, type CachedAnalysis } from '../../../../language-server/store/analysisCacheRepo';
import { syncProjectIssues } from '../../../../language-server/store/issuesRepo';
import { recordProjectMetrics } from '../../../../language-server/store/projectMetricsRepo';
import { saveProjects } from '../../../../language-server/store/projectsRepo';
import { Store } from '../../../../language-server/store/store';
import { project } from '../../helpers/project';
import { useTempDir } from '../../store/helpers';

const KEY = analyzerKey(10, 15, 'abcdef012345');

function fn(name: string, cyclomatic: number, over: Partial<FunctionMetrics> = {}): FunctionMetrics {
  return { name, line: 1, column: 1, cyclomatic, cognitive: cyclomatic, loc: 5, ...over };
}

function metrics(file: string, loc: number, functions: FunctionMetrics[] = []): FileMetrics {
  return { path: file, language: 'javascript', loc, sloc: loc, commentLines: 0, todos: 0, functions, maintainability: 80 };
}

function finding(file: string, severity: AnalyzerSeverity, over: Partial<AnalyzerFinding> = {}): AnalyzerFinding {
  return { ruleId: 'complexity', category: 'quality', severity, path: file, line: 1, column: 1, message: 'too complex', ...over };
}

function entry(m: FileMetrics, findings: AnalyzerFinding[] = [], analyzer = KEY): CachedAnalysis {
  return { file: m.path, contentHash: 'h', analyzer, result: cachedResultText({ metrics: m, findings }) };
}

describe('analyzer: project detail (optimus/projectDetail)', () => {
  const tmp = useTempDir();
  let store: Store;
  let dir: string;
  let shop: Project;
  const sources = (over: Partial<DetailSources> = {}): DetailSources => ({ store, lastRun: undefined, npmLatestCacheFile: path.join(tmp(), 'no-cache.json'), ...over });
  const file = (rel: string) => path.join(dir, rel);

  beforeEach(async () => {
    ({ store } = await Store.open(path.join(tmp(), 'optimus.sqlite')));
    dir = path.join(tmp(), 'shop');
    await mkdir(dir, { recursive: true });
    shop = project(dir, { name: 'shop' });
    await saveProjects(store, [shop]);
  });
  afterEach(async () => {
    await store.close();
  });

  describe('bad input', () => {
    it('skips a cache row that is not JSON, or not shaped as the analyzer writes it, with a note and without throwing', async () => {
      await saveAnalysisCache(store, dir, [
        entry(metrics(file('src/good.js'), 40, [fn('good', 3)]), [finding(file('src/good.js'), 'warning')]),
        { file: file('src/torn.js'), contentHash: 'h', analyzer: KEY, result: '{"metrics": {"loc": 3' },
        { file: file('src/null.js'), contentHash: 'h', analyzer: KEY, result: 'null' },
        { file: file('src/shape.js'), contentHash: 'h', analyzer: KEY, result: '{"metrics": 5, "findings": []}' },
      ]);
      const detail = await projectDetail(shop, sources());
      assert.deepEqual(detail.files.map((f) => f.file), ['src/good.js']);
      assert.ok(detail.notes.some((n) => /^3 files in the analysis cache could not be read/.test(n)), detail.notes.join(' | '));
    });

    it('leaves out findings and functions of a readable row that are malformed, keeping the rest', async () => {
      const broken = { ...finding(file('a.js'), 'error'), category: 'nonsense' } as unknown as AnalyzerFinding;
      const half = { name: 'half', line: 'x' } as unknown as FunctionMetrics;
      await saveAnalysisCache(store, dir, [entry(metrics(file('a.js'), 10, [fn('ok', 2), half]), [broken, finding(file('a.js'), 'info')])]);
      const detail = await projectDetail(shop, sources());
      assert.deepEqual(detail.functions.map((f) => f.name), ['ok']);
      assert.deepEqual(detail.findings.map((f) => f.severity), ['info']);
      assert.deepEqual(detail.files[0], { file: 'a.js', loc: 10, complexity: 2, maxComplexity: 2, findings: 1 });
    });

    it('answers for a project never analyzed: no time, empty lists, zero counts and a note', async () => {
      const detail = await projectDetail(shop, sources());
      assert.equal(detail.analyzedAt, null);
      assert.deepEqual([detail.trend, detail.files, detail.functions, detail.findings, detail.dependencies], [[], [], [], [], []]);
      assert.deepEqual(detail.findingCounts, { quality: 0, security: 0, performance: 0, debt: 0 });
      assert.ok(detail.notes.some((n) => /not been analyzed yet/.test(n)), detail.notes.join(' | '));
      assert.deepEqual([detail.path, detail.name], [dir, 'shop']);
    });

    it('answers without a database, saying so', async () => {
      const detail = await projectDetail(shop, sources({ store: null }));
      assert.equal(detail.analyzedAt, null);
      assert.ok(detail.notes.some((n) => /database is not available/.test(n)));
    });

    it('answers when the store cannot be read, with notes instead of an error', async () => {
      await store.close();
      const detail = await projectDetail(shop, sources());
      assert.deepEqual(detail.files, []);
      assert.ok(detail.notes.some((n) => /history could not be read/.test(n)), detail.notes.join(' | '));
      ({ store } = await Store.open(path.join(tmp(), 'optimus.sqlite')));
    });

    it('ignores a malformed npm-latest cache file and a lockfile that is not JSON', async () => {
      await writeFile(path.join(dir, 'package-lock.json'), '{ not json');
      await writeFile(path.join(tmp(), 'latest.json'), '[1, 2');
      const withDeps = project(dir, { dependencies: { count: 1, manifests: [{ path: path.join(dir, 'package.json'), kind: 'package.json', dependencies: [{ name: 'left-pad', range: '^1.0.0', kind: 'runtime' }] }] } });
      const detail = await projectDetail(withDeps, sources({ npmLatestCacheFile: path.join(tmp(), 'latest.json') }));
      assert.deepEqual(detail.dependencies, [{ name: 'left-pad', declared: '^1.0.0', locked: null, latest: null, dev: false, outdated: false, vulnerable: null }]);
      assert.ok(detail.notes.some((n) => /lockfile could not be read/.test(n)), detail.notes.join(' | '));
      assert.ok(detail.notes.some((n) => /Latest versions are not known/.test(n)));
    });
  });

  it('shows entries of an older analyzer version, and says so', async () => {
    await saveAnalysisCache(store, dir, [entry(metrics(file('old.js'), 5), [], '0:10:15:abc'), entry(metrics(file('new.js'), 6))]);
    const detail = await projectDetail(shop, sources());
    assert.equal(detail.files.length, 2);
    assert.ok(detail.notes.some((n) => /^1 file is shown from an older analysis/.test(n)), detail.notes.join(' | '));
  });

  it('fills the trend, hotspots and findings from the store (cache and project-wide issues), relative to the project', async () => {
    const point = { healthScore: 70, debtMinutes: 90, debtRating: 'B', loc: 100, metrics: {} };
    await recordProjectMetrics(store, dir, point, new Date('2026-01-01T00:00:00Z'));
    await recordProjectMetrics(store, dir, { ...point, healthScore: 75 }, new Date('2026-02-01T00:00:00Z'));
    await saveAnalysisCache(store, dir, [
      entry(metrics(file('src/small.js'), 10, [fn('tiny', 1)]), [finding(file('src/small.js'), 'info', { category: 'debt', ruleId: 'debt/todo' })]),
      entry(metrics(file('src/big.ts'), 300, [fn('route', 12, { line: 4, cognitive: 20 }), fn('helper', 4)]), [finding(file('src/big.ts'), 'warning', { line: 4 })]),
    ]);
    await syncProjectIssues(store, dir, [finding(file('src/big.ts'), 'error', { ruleId: 'eslint/no-undef', line: 9 }), finding(dir, 'info', { ruleId: 'debt/missing-readme', category: 'debt' })]);
    const detail = await projectDetail(shop, sources());
    assert.equal(detail.analyzedAt, '2026-02-01T00:00:00.000Z');
    assert.deepEqual(detail.trend.map((t) => [t.at.slice(0, 7), t.health, t.debtRating, t.loc]), [['2026-01', 70, 'B', 100], ['2026-02', 75, 'B', 100]]);
    assert.deepEqual(detail.files, [
      { file: 'src/big.ts', loc: 300, complexity: 16, maxComplexity: 12, findings: 2 },
      { file: 'src/small.js', loc: 10, complexity: 1, maxComplexity: 1, findings: 1 },
    ]);
    assert.deepEqual(detail.functions.map((f) => [f.file, f.name, f.line, f.cyclomatic, f.cognitive]), [['src/big.ts', 'route', 4, 12, 20], ['src/big.ts', 'helper', 1, 4, 4], ['src/small.js', 'tiny', 1, 1, 1]]);
    assert.deepEqual(detail.findings.map((f) => [f.severity, f.file, f.ruleId]), [['error', 'src/big.ts', 'eslint/no-undef'], ['warning', 'src/big.ts', 'complexity'], ['info', '.', 'debt/missing-readme'], ['info', 'src/small.js', 'debt/todo']]);
    assert.deepEqual(detail.findingCounts, { quality: 2, security: 0, performance: 0, debt: 2 });
    assert.deepEqual(detail.notes, []);
  });

  it('shows the project-wide findings the last analysis stored (so a restarted server has them), not those it resolved', async () => {
    await recordProjectMetrics(store, dir, { healthScore: 70, debtMinutes: 9, debtRating: 'A', loc: 1, metrics: {} }, new Date('2026-03-01T00:00:00Z'));
    const readme = finding(dir, 'info', { ruleId: 'debt/missing-readme', category: 'debt' });
    const license = finding(dir, 'info', { ruleId: 'debt/missing-license', category: 'debt' });
    await syncProjectIssues(store, dir, [readme, license]);
    assert.deepEqual((await projectDetail(shop, sources())).findings.map((f) => f.ruleId).sort(), ['debt/missing-license', 'debt/missing-readme']);
    await syncProjectIssues(store, dir, [license]);
    const later = await projectDetail(shop, sources());
    assert.deepEqual(later.findings.map((f) => f.ruleId), ['debt/missing-license']);
    assert.deepEqual(later.notes, []);
  });

  it('without a database, takes the project-wide findings of this server\'s last run, or says they are not available', async () => {
    const none = await projectDetail(shop, sources({ store: null }));
    assert.ok(none.notes.some((n) => /database is not available/.test(n)), none.notes.join(' | '));
    const withRun = await projectDetail(shop, sources({ store: null, lastRun: { at: '2026-02-01T00:00:00.000Z', findings: [finding(dir, 'info', { ruleId: 'debt/missing-readme', category: 'debt' })] } }));
    assert.deepEqual(withRun.findings.map((f) => f.ruleId), ['debt/missing-readme']);
  });

  it('bounds files, functions and findings, keeping counts of all findings', async () => {
    const entries = Array.from({ length: MAX_DETAIL_FILES + 5 }, (_, i) => {
      const f = file(`src/f${String(i).padStart(4, '0')}.js`);
      return entry(metrics(f, i + 1, i < 30 ? [fn(`fn${i}`, i + 1)] : []), i < 300 ? [finding(f, i % 3 === 0 ? 'error' : 'info'), finding(f, 'warning', { category: 'security' })] : []);
    });
    await saveAnalysisCache(store, dir, entries);
    const detail = await projectDetail(shop, sources());
    assert.equal(detail.files.length, MAX_DETAIL_FILES);
    assert.equal(detail.files[0]?.loc, MAX_DETAIL_FILES + 5, 'the largest first');
    assert.equal(detail.functions.length, MAX_DETAIL_FUNCTIONS);
    assert.deepEqual(detail.functions.slice(0, 2).map((f) => f.cyclomatic), [30, 29], 'the most complex first');
    assert.equal(detail.findings.length, MAX_DETAIL_FINDINGS);
    assert.deepEqual(detail.findingCounts, { quality: 300, security: 300, performance: 0, debt: 0 });
    assert.ok(detail.findings.slice(0, 100).every((f) => f.severity === 'error'), 'errors first');
    assert.deepEqual(['error', 'warning', 'info'].map((s) => detail.findings.filter((f) => f.severity === s).length), [100, 300, 100], 'infos are the ones cut');
    assert.ok(detail.notes.some((n) => n.includes(`${MAX_DETAIL_FILES} largest of ${MAX_DETAIL_FILES + 5}`)), detail.notes.join(' | '));
    assert.ok(detail.notes.some((n) => n.includes(`first ${MAX_DETAIL_FINDINGS} of 600 findings`)));
  });

  it('lists dependencies with locked versions from the lockfile, latest from the npm cache, and advisories of the last analysis', async () => {
    await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify({
      name: 'shop', lockfileVersion: 3,
      packages: { '': { dependencies: { 'left-pad': '^1.0.0' } }, 'node_modules/left-pad': { version: '1.1.0' }, 'node_modules/mocha': { version: '10.0.0', dev: true }, 'node_modules/tiny': { version: '2.0.0' } },
    }));
    const now = Date.parse('2026-05-01T00:00:00Z');
    const cacheFile = path.join(tmp(), 'npm-latest.json');
    await writeFile(cacheFile, JSON.stringify({ version: 1, registries: { 'https://registry.npmjs.org': { 'left-pad': { latest: '1.3.0', at: now - 1000 }, mocha: { latest: '10.0.0', at: now - 1000 }, react: { latest: '19.0.0', at: now - 1000 } } } }));
    const manifest = path.join(dir, 'package.json');
    const withDeps = project(dir, {
      dependencies: { count: 5, manifests: [{ path: manifest, kind: 'package.json', dependencies: [
        { name: 'mocha', range: '^10.0.0', kind: 'dev' },
        { name: 'left-pad', range: '^1.0.0', kind: 'runtime' },
        { name: 'react', range: '^17.0.2', kind: 'peer' },
        { name: 'tiny', range: '^2.0.0', kind: 'runtime' },
      ] }] },
    });
    const vuln = (advisorySeverity: string, advisoryId: string): AnalyzerFinding => finding(manifest, 'error', { ruleId: 'dependency/vulnerable', category: 'security', data: { dependency: 'left-pad', advisorySeverity, advisoryId } });
    await syncProjectIssues(store, dir, [vuln('moderate', 'GHSA-aaaa-bbbb-cccc'), vuln('critical', 'GHSA-dddd-eeee-ffff')]);
    const detail = await projectDetail(withDeps, sources({ npmLatestCacheFile: cacheFile, now }));
    assert.deepEqual(detail.dependencies, [
      { name: 'left-pad', declared: '^1.0.0', locked: '1.1.0', latest: '1.3.0', dev: false, outdated: true, vulnerable: { severity: 'critical', ids: ['GHSA-aaaa-bbbb-cccc', 'GHSA-dddd-eeee-ffff'] } },
      { name: 'mocha', declared: '^10.0.0', locked: '10.0.0', latest: '10.0.0', dev: true, outdated: false, vulnerable: null },
      { name: 'tiny', declared: '^2.0.0', locked: '2.0.0', latest: null, dev: false, outdated: false, vulnerable: null },
    ]);
    assert.equal(detail.findingCounts.security, 2);
  });

  it('takes the locked versions the scanner read, and flags an unlocked range a major behind', async () => {
    const cacheFile = path.join(tmp(), 'npm-latest.json');
    const now = Date.now();
    await writeFile(cacheFile, JSON.stringify({ version: 1, registries: { 'https://registry.npmjs.org': { a: { latest: '3.0.0', at: now }, b: { latest: '2.1.0', at: now } } } }));
    const withDeps = project(dir, {
      dependencies: { count: 3, manifests: [
        { path: path.join(dir, 'package.json'), kind: 'package.json', lockfile: path.join(dir, 'yarn.lock'), dependencies: [{ name: 'a', range: '^2.0.0', kind: 'runtime', locked: '2.4.0' }, { name: 'b', range: '^1.0.0', kind: 'runtime' }] },
        { path: path.join(dir, 'requirements.txt'), kind: 'requirements.txt', dependencies: [{ name: 'flask', range: '==3.0.0', kind: 'runtime' }] },
      ] },
    });
    const detail = await projectDetail(withDeps, sources({ npmLatestCacheFile: cacheFile }));
    assert.deepEqual(detail.dependencies.map((d) => [d.name, d.locked, d.latest, d.outdated]), [['a', '2.4.0', '3.0.0', true], ['b', null, '2.1.0', true], ['flask', null, null, false]]);
  });
});
