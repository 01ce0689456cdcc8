import assert from 'node:assert/strict';
import { ActionCancelled, ActionRefused, runAction } from '../../../language-server/orchestrator/actionGate';
import { listAudit } from '../../../language-server/store/auditLog';
import { Store } from '../../../language-server/store/store';

describe('action gate', () => {
  it('refuses in an untrusted workspace without running, and audits the refusal', async () => {
    const { store } = await Store.open(':memory:');
    let ran = false;
    await assert.rejects(
      runAction({ actor: 'vscode', trusted: false, store }, { action: 'start', target: '/p', details: { command: 'npm run dev' } }, async () => {
        ran = true;
      }),
      (e: unknown) => e instanceof ActionRefused && /untrusted workspace/.test(e.message),
    );
    assert.equal(ran, false);
    const [row] = await listAudit(store, { limit: 1 });
    assert.deepEqual([row?.action, row?.target, row?.outcome, row?.details], ['start', '/p', 'denied', { command: 'npm run dev' }]);
    await store.close();
  });

  it('audits success, failure with its message, and cancellation', async () => {
    const { store } = await Store.open(':memory:');
    const ctx = { actor: 'cli' as const, trusted: true, store };
    assert.equal(await runAction(ctx, { action: 'backup', target: '/p' }, async () => 42), 42);
    await assert.rejects(runAction(ctx, { action: 'stop', target: '/p' }, async () => Promise.reject(new Error('no such process'))), /no such process/);
    await assert.rejects(runAction(ctx, { action: 'restore', target: '/p' }, async () => Promise.reject(new ActionCancelled('stop'))));
    const rows = (await listAudit(store, { limit: 10 })).reverse();
    assert.deepEqual(rows.map((r) => [r.action, r.outcome, r.actor]), [['backup', 'ok', 'cli'], ['stop', 'error', 'cli'], ['restore', 'cancelled', 'cli']]);
    assert.equal(rows[1]?.details?.error, 'no such process');
    await store.close();
  });
});
