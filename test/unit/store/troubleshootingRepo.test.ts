import assert from 'node:assert/strict';
import { Store } from '../../../language-server/store/store';
import { diagnosisHistory, recordDiagnosis, recordOutcome, type DiagnosisRecord } from '../../../language-server/store/troubleshootingRepo';

const record = (diagnosis: string, projectPath: string | null = '/p/shop'): DiagnosisRecord => ({ projectPath, diagnosis, confidence: 0.9, source: 'input', summary: diagnosis, excerpt: 'Error: …', terms: 'error port' });

describe('troubleshooting history: each diagnosis with its own fix outcomes', () => {
  it('gives every row its own outcomes, oldest first, and none to a row without any', async () => {
    const { store } = await Store.open(':memory:');
    const port = await recordDiagnosis(store, record('port-in-use'));
    const module = await recordDiagnosis(store, record('module-not-found'));
    const other = await recordDiagnosis(store, record('port-in-use', '/p/blog'));
    await recordOutcome(store, port, 'stop-port', 'failed', 1, new Date('2024-01-01T00:00:00Z'));
    await recordOutcome(store, module, 'npm-install', 'ok', 0, new Date('2024-01-01T00:01:00Z'));
    await recordOutcome(store, port, 'use-other-port', 'ok', 0, new Date('2024-01-01T00:02:00Z'));

    const rows = await diagnosisHistory(store, null);
    assert.deepEqual(rows.map((r) => [r.id, r.outcomes.map((o) => `${o.fix}:${o.outcome}`)]), [
      [other, []],
      [module, ['npm-install:ok']],
      [port, ['stop-port:failed', 'use-other-port:ok']],
    ]);
    const shop = await diagnosisHistory(store, '/p/shop', 1);
    assert.deepEqual(shop.map((r) => r.id), [module]);
    assert.deepEqual(await diagnosisHistory(store, '/p/none'), []);
    await store.close();
  });
});
