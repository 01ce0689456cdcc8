import assert from 'node:assert/strict';
import { loadAnalysisCache, saveAnalysisCache } from '../../../language-server/store/analysisCacheRepo';
import { loadProjectMetrics, recordProjectMetrics } from '../../../language-server/store/projectMetricsRepo';
import { saveProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { project } from '../helpers/project';

describe('store: analysis cache and project metrics', () => {
  it('replaces a project’s cache in one write, leaving other projects’ entries alone', async () => {
    const { store } = await Store.open(':memory:');
    const entry = (file: string, hash: string) => ({ file, contentHash: hash, analyzer: 'v1', result: '{"findings":[]}' });
    await saveAnalysisCache(store, '/p/a', [entry('/p/a/x.ts', 'h1'), entry('/p/a/y.ts', 'h2')]);
    await saveAnalysisCache(store, '/p/b', [entry('/p/b/z.ts', 'h3')]);
    await saveAnalysisCache(store, '/p/a', [entry('/p/a/x.ts', 'h9')]);
    const a = await loadAnalysisCache(store, '/p/a');
    assert.deepEqual([...a.keys()], ['/p/a/x.ts'], 'y.ts is gone with the new write');
    assert.equal(a.get('/p/a/x.ts')?.contentHash, 'h9');
    assert.equal((await loadAnalysisCache(store, '/p/b')).size, 1);
    await store.close();
  });

  it('keeps the health and debt history of a stored project, oldest first, and skips an unknown path', async () => {
    const { store } = await Store.open(':memory:');
    await saveProjects(store, [project('/p/shop', { name: 'shop' })]);
    const point = { healthScore: 71, debtMinutes: 120, debtRating: 'B', loc: 4000, metrics: { security: 2 } };
    assert.equal(await recordProjectMetrics(store, '/p/shop', point, new Date('2026-11-01T00:00:00Z')), true);
    assert.equal(await recordProjectMetrics(store, '/p/shop', { ...point, healthScore: 80 }, new Date('2026-11-20T00:00:00Z')), true);
    assert.equal(await recordProjectMetrics(store, '/p/unknown', point), false);
    const history = await loadProjectMetrics(store, '/p/shop');
    assert.deepEqual(history.map((h) => [h.recordedAt.slice(0, 10), h.healthScore]), [['2026-11-01', 71], ['2026-11-20', 80]]);
    assert.deepEqual(history[0]?.metrics, { security: 2 });
    await store.close();
  });
});
