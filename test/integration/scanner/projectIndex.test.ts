import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeIgnoreMatcher } from '../../../language-server/scanner/ignore';
import { ProjectIndex, type IndexChange } from '../../../language-server/scanner/projectIndex';
import { storePersistence } from '../../../language-server/store/indexPersistence';
import { Store } from '../../../language-server/store/store';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';

describe('project index', () => {
  const tmp = useTempDir('index');
  const settings = () => ({ roots: [tmp()], maxDepth: 4, ignore: makeIgnoreMatcher([], '/') });
  const react = (deps: Record<string, string>) => JSON.stringify({ name: 'web', dependencies: deps });

  it('re-reads on an event-driven walk only the projects whose folder listing changed', async () => {
    await writeTree(tmp(), { 'web/package.json': react({ react: '^18.0.0' }), 'svc/go.mod': 'module svc\n' });
    const index = new ProjectIndex(null);
    await index.refresh(settings(), { waitForDetails: true });
    const first = index.get(path.join(tmp(), 'svc'))!.scannedAt;
    await writeFile(path.join(tmp(), 'web', 'package.json'), react({ vue: '^3.0.0' }));
    await writeFile(path.join(tmp(), 'web', 'tsconfig.json'), '{}'); // the listing changes: web is read again
    await new Promise((r) => setTimeout(r, 5));
    const changes: IndexChange[] = [];
    index.onChange((c) => changes.push(c));
    await index.refresh(settings(), { reuse: true, waitForDetails: true });
    assert.equal(index.get(path.join(tmp(), 'svc'))!.scannedAt, first, 'svc was taken as known');
    assert.deepEqual(changes[0] && { full: changes[0].full, updated: changes[0].updated.map((p) => p.name) }, { full: false, updated: ['web'] }, 'only what changed is sent');
    assert.deepEqual(index.get(path.join(tmp(), 'web'))!.stack.frameworks, ['vue']);
    await index.refresh(settings(), { waitForDetails: true });
    assert.notEqual(index.get(path.join(tmp(), 'svc'))!.scannedAt, first, 'a full rescan reads everything');
  });

  it('rescans one project after its manifest changed', async () => {
    await writeTree(tmp(), { 'web/package.json': react({ react: '^18.0.0' }) });
    const index = new ProjectIndex(null);
    await index.refresh(settings(), { waitForDetails: true });
    await writeFile(path.join(tmp(), 'web', 'package.json'), react({ express: '^4.0.0' }));
    assert.equal(await index.rescanProject(path.join(tmp(), 'web')), true);
    assert.deepEqual(index.get(path.join(tmp(), 'web'))!.stack.frameworks, ['express']);
  });

  it('publishes the stored list before the walk, and keeps stored git state where HEAD has not moved', async () => {
    await writeTree(tmp(), { 'web/package.json': react({ react: '^18.0.0' }) });
    await gitRepo(path.join(tmp(), 'web'));
    const { store } = await Store.open(':memory:');
    const writer = new ProjectIndex(storePersistence(store));
    await writer.refresh(settings(), { waitForDetails: true });
    const changes: IndexChange[] = [];
    const reader = new ProjectIndex(storePersistence(store));
    reader.onChange((c) => changes.push(c));
    const walk = reader.refresh(settings());
    await reader.loadStored();
    await walk;
    assert.equal(changes[0]?.full, true);
    assert.equal(changes[0]?.updated[0]?.git?.complete, true, 'the first list is the stored one, git included');
    assert.equal(changes[1]?.full, true);
    assert.equal(changes[1]?.updated[0]?.git?.complete, true, 'the walk keeps the stored git state: HEAD did not move');
    reader.dispose();
    writer.dispose();
    await store.close();
  });
});
