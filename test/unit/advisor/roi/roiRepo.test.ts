import assert from 'node:assert/strict';
import { addRoiEntry, listRoiEntries, loadHourlyRate, removeRoiEntry, saveHourlyRate } from '../../../../language-server/store/roiRepo';
import { Store } from '../../../../language-server/store/store';

describe('store: roi entries and hourly rate', () => {
  it('adds, lists (per project, oldest first) and removes entries; an id of another project removes nothing', async () => {
    const { store } = await Store.open(':memory:');
    const now = new Date('2024-06-20T10:00:00Z');
    const hosting = await addRoiEntry(store, '/p/a', { direction: 'cost', name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-01-01' }, now);
    await addRoiEntry(store, '/p/a', { direction: 'revenue', name: 'Sale', amount: 99.5, kind: 'one-off', since: '2024-02-01' }, now);
    const other = await addRoiEntry(store, '/p/b', { direction: 'cost', name: 'Domain', amount: 12, kind: 'one-off', since: '2024-01-01' }, now);
    assert.deepEqual(hosting, { id: hosting.id, projectPath: '/p/a', direction: 'cost', name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-01-01', createdAt: now.toISOString() });
    assert.deepEqual((await listRoiEntries(store, '/p/a')).map((e) => [e.direction, e.name, e.amount, e.kind]), [['cost', 'Hosting', 5, 'monthly'], ['revenue', 'Sale', 99.5, 'one-off']]);
    assert.equal(await removeRoiEntry(store, '/p/a', other.id), false);
    assert.equal(await removeRoiEntry(store, '/p/a', hosting.id), true);
    assert.deepEqual((await listRoiEntries(store, '/p/a')).map((e) => e.name), ['Sale']);
    assert.equal((await listRoiEntries(store, '/p/b')).length, 1);
    await store.close();
  });

  it('refuses negative amounts and rates, in the code and in the table', async () => {
    const { store } = await Store.open(':memory:');
    assert.throws(() => addRoiEntry(store, '/p', { direction: 'cost', name: 'x', amount: -1, kind: 'one-off', since: '2024-01-01' }), RangeError);
    assert.throws(() => saveHourlyRate(store, '/p', Number.NaN), RangeError);
    await assert.rejects(store.write((db) => db.run("INSERT INTO roi_entries (project_path, direction, name, amount, recurrence, since, created_at) VALUES ('/p', 'cost', 'x', -1, 'monthly', '2024-01-01', 'now')")), /CHECK/);
    await store.close();
  });

  it('keeps one hourly rate per project, replaced by the next one', async () => {
    const { store } = await Store.open(':memory:');
    assert.equal(await loadHourlyRate(store, '/p'), null);
    await saveHourlyRate(store, '/p', 40);
    await saveHourlyRate(store, '/p', 55.5);
    assert.equal(await loadHourlyRate(store, '/p'), 55.5);
    assert.equal(await loadHourlyRate(store, '/q'), null);
    await store.close();
  });
});
