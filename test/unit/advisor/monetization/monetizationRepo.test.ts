import assert from 'node:assert/strict';
import path from 'node:path';
import { loadBestOpportunities, loadMonetizationOpportunities, saveMonetizationOpportunities } from '../../../../language-server/store/monetizationRepo';
import { removeProject, saveProjects } from '../../../../language-server/store/projectsRepo';
import { Store } from '../../../../language-server/store/store';
import { useTempDir } from '../../../integration/helpers/tempDir';
import { project } from '../../helpers/project';

const saas = { model: 'saas-subscription', confidence: 0.62, signals: ['fits web-app projects (weight 1)', 'has-auth: package.json depends on next-auth'], gaps: ['No pricing page: publish the plans.'] };
const ads = { model: 'ads', confidence: 0.3, signals: ['fits web-app projects (weight 0.5)'], gaps: ['Not deployed: ads need visitors.'] };

describe('store: monetization opportunities', () => {
  const tmp = useTempDir('monetization-repo');

  it('round-trips through the real database file, best first, and replaces a project’s rows on the next save', async () => {
    const file = path.join(tmp(), 'optimus.sqlite');
    const first = (await Store.open(file)).store;
    await saveProjects(first, [project('/p/shop'), project('/p/blog')]);
    assert.equal(await saveMonetizationOpportunities(first, '/p/shop', [ads, saas], new Date('2026-11-01T10:00:00Z')), true);
    assert.equal(await saveMonetizationOpportunities(first, '/p/blog', [ads]), true);
    await first.close();

    const second = (await Store.open(file)).store;
    const loaded = await loadMonetizationOpportunities(second, '/p/shop');
    assert.deepEqual(loaded, [{ ...saas, createdAt: '2026-11-01T10:00:00.000Z' }, { ...ads, createdAt: '2026-11-01T10:00:00.000Z' }]);
    await saveMonetizationOpportunities(second, '/p/shop', [{ ...saas, confidence: 0.8, gaps: [] }]);
    assert.deepEqual((await loadMonetizationOpportunities(second, '/p/shop')).map((o) => [o.model, o.confidence, o.gaps.length]), [['saas-subscription', 0.8, 0]]);
    assert.equal((await loadMonetizationOpportunities(second, '/p/blog')).length, 1, 'another project’s rows stay');
    await second.close();
  });

  it('loads every project\u2019s best opportunity in one read, for the advisor', async () => {
    const { store } = await Store.open(path.join(tmp(), 'optimus.sqlite'));
    await saveProjects(store, [project('/p/shop'), project('/p/blog'), project('/p/none')]);
    await saveMonetizationOpportunities(store, '/p/shop', [ads, saas]);
    await saveMonetizationOpportunities(store, '/p/blog', [ads]);
    const best = await loadBestOpportunities(store);
    assert.deepEqual([...best].map(([p, o]) => [p, o.model]).sort(), [['/p/blog', 'ads'], ['/p/shop', 'saas-subscription']]);
    await store.close();
  });

  it('saves nothing for a project that is not in the store, and loads none for it', async () => {
    const { store } = await Store.open(':memory:');
    assert.equal(await saveMonetizationOpportunities(store, '/p/unknown', [saas]), false);
    assert.deepEqual(await loadMonetizationOpportunities(store, '/p/unknown'), []);
    await store.close();
  });

  it('keeps the row when a stored list is damaged, and drops the rows with their project', async () => {
    const { store } = await Store.open(':memory:');
    await saveProjects(store, [project('/p/shop')]);
    await saveMonetizationOpportunities(store, '/p/shop', [saas]);
    await store.write((db) => db.run("UPDATE monetization_opportunities SET signals = '{not json', gaps = '[1, \"text\"]'"));
    const [row] = await loadMonetizationOpportunities(store, '/p/shop');
    assert.deepEqual([row?.model, row?.signals, row?.gaps], ['saas-subscription', [], ['text']]);
    await removeProject(store, '/p/shop');
    const left = await store.read((db) => db.exec('SELECT COUNT(*) FROM monetization_opportunities')[0]?.values[0]?.[0]);
    assert.equal(left, 0);
    await store.close();
  });
});
