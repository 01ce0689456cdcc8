import assert from 'node:assert/strict';
import { appendAudit, listAudit, maskSecret } from '../../../language-server/store/auditLog';
import { Store } from '../../../language-server/store/store';

describe('store: audit log', () => {
  let store: Store;
  beforeEach(async () => {
    store = (await Store.open(':memory:')).store;
  });
  afterEach(async () => {
    await store.close();
  });

  describe('bad input', () => {
    it('keeps the row when its details cannot be serialised', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await appendAudit(store, { actor: 'a', action: 'x', target: 't', details: cyclic, outcome: 'error' });
      const [row] = await listAudit(store);
      assert.match(String(row?.details?.unserialisable), /circular/i);
    });

    it('cuts oversized details down to a preview', async () => {
      await appendAudit(store, { actor: 'a', action: 'x', target: 't', details: { log: 'x'.repeat(100_000) }, outcome: 'ok' });
      const [row] = await listAudit(store);
      assert.equal(row?.details?.truncated, true);
      assert.equal(String(row?.details?.preview).length, 1000);
    });

    it('clamps absurd limits', async () => {
      for (let i = 0; i < 3; i++) await appendAudit(store, { actor: `a${i}`, action: 'x', target: 't', outcome: 'ok' });
      assert.equal((await listAudit(store, { limit: 0 })).length, 1);
      assert.equal((await listAudit(store, { limit: -5 })).length, 1);
      assert.equal((await listAudit(store, { limit: Number.NaN })).length, 3);
      assert.equal((await listAudit(store, { limit: 2.9 })).length, 2);
    });

    it('reads back damaged details as a marker rather than failing', async () => {
      await appendAudit(store, { actor: 'a', action: 'x', target: 't', details: { ok: true }, outcome: 'ok' });
      await store.write((db) => db.run("UPDATE audit_log SET details = '{broken'"));
      assert.deepEqual((await listAudit(store))[0]?.details, { unreadable: true });
    });
  });

  it('lists the newest rows first with everything that was appended', async () => {
    const at = new Date('2024-05-06T07:08:09.000Z');
    const id = await appendAudit(store, { actor: 'cli', action: 'start', target: '/p', details: { port: 3000 }, outcome: 'ok' }, at);
    await appendAudit(store, { actor: 'server', action: 'stop', target: '/p', outcome: 'denied' });
    const rows = await listAudit(store, { limit: 10 });
    assert.deepEqual(rows.map((r) => r.action), ['stop', 'start']);
    assert.deepEqual(rows[1], { id, at: at.toISOString(), actor: 'cli', action: 'start', target: '/p', details: { port: 3000 }, outcome: 'ok' });
    assert.equal(rows[0]?.details, null);
  });

  it('maskSecret keeps at most the first 4 characters and hides the length', () => {
    assert.equal(maskSecret('sk-live-0123456789abcdef'), 'sk-l****');
    assert.equal(maskSecret('abcdefgh'), 'ab****');
    assert.equal(maskSecret('abcd'), 'a****');
    assert.equal(maskSecret('abc'), '****');
    assert.equal(maskSecret(''), '');
    assert.equal(maskSecret(undefined), '');
    assert.equal(maskSecret(null), '');
  });
});
