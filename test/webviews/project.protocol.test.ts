import assert from 'node:assert/strict';
import { applyMessage, INITIAL_STATE, isProjectState, restored, type ProjectState } from '../../webviews/project/projectState';
import { isProjectCommand, isProjectMessage, LIMITS, type ProjectMessage } from '../../webviews/project/protocol';
import { BLOG, detail, header, SHOP, shopMessages } from './harness/projectFixtures';

const apply = (messages: readonly ProjectMessage[], from: ProjectState = INITIAL_STATE) => messages.reduce(applyMessage, from);

describe('project detail protocol and page state (pure)', () => {
  it('takes only commands that name a project, and a file only by list, index and ref', () => {
    assert.equal(isProjectCommand({ type: 'ready', project: null }), true);
    assert.equal(isProjectCommand({ type: 'start', project: SHOP }), true);
    assert.equal(isProjectCommand({ type: 'open', project: SHOP, ref: 3, list: 'findings', index: 0 }), true);
    for (const bad of [
      { type: 'start' },
      { type: 'start', project: '' },
      { type: 'deploy', project: SHOP },
      { type: 'open', project: SHOP, ref: 3, list: 'findings', index: -1 },
      { type: 'open', project: SHOP, ref: 3, list: 'findings', index: 1.5 },
      { type: 'open', project: SHOP, ref: 3, list: 'files', index: LIMITS.index },
      { type: 'open', project: SHOP, ref: 3, list: 'secrets', index: 0 },
      { type: 'open', project: SHOP, ref: 0, list: 'files', index: 0 },
      { type: 'pickProject', project: 'x'.repeat(LIMITS.path + 1) },
    ]) {
      assert.equal(isProjectCommand(bad), false, JSON.stringify(bad));
    }
  });

  it('accepts what the fixtures send', () => {
    for (const m of shopMessages()) assert.equal(isProjectMessage(m), true, m.type);
  });

  it('shows the project a header names, and forgets the one before', () => {
    const shop = apply(shopMessages(detail(), 4));
    assert.deepEqual([shop.project, shop.detail?.ref, shop.activityState, shop.detailState], [SHOP, 4, 'ready', 'idle']);
    const blog = applyMessage({ ...shop, depFilter: 'vulnerable' }, { type: 'header', header: header({ path: BLOG, name: 'blog' }) });
    assert.deepEqual([blog.project, blog.detail, blog.activity, blog.depFilter, blog.projects.length], [BLOG, null, null, 'vulnerable', 2]);
    assert.equal(applyMessage(blog, { type: 'detail', project: SHOP, ref: 5, detail: detail() }), blog, 'a late answer about shop changes nothing');
  });

  it('keeps the detail shown when reading it again fails, and ends a pending analysis when an analysis arrives', () => {
    const shop = apply(shopMessages(detail(), 4));
    const failed = applyMessage(shop, { type: 'detailFailed', project: SHOP, message: 'server stopped' });
    assert.deepEqual([failed.detail?.ref, failed.detailState, failed.detailError], [4, 'failed', 'server stopped']);
    const analyzing = { ...shop, pending: 'analyze' as const };
    assert.equal(applyMessage(analyzing, { type: 'detail', project: SHOP, ref: 5, detail: detail() }).pending, null);
    assert.equal(applyMessage(analyzing, { type: 'actionDone', project: SHOP, action: 'start' }).pending, 'analyze', 'the end of another action leaves it');
    assert.equal(applyMessage(analyzing, { type: 'failed', message: 'no' }).pending, null);
  });

  it('checks saved state like a message, and forgets a pending action when restored', () => {
    const shop = { ...apply(shopMessages()), pending: 'start' as const };
    const saved = JSON.parse(JSON.stringify(shop)) as unknown;
    assert.equal(isProjectState(saved), true);
    assert.equal(restored(saved as ProjectState).pending, null);
    assert.equal(isProjectState({ ...shop, depFilter: 'everything' }), false);
    assert.equal(isProjectState({ ...shop, usage: [{ at: 1, cpuPercent: Number.NaN, memoryBytes: 0 }] }), false);
    assert.equal(restored(undefined), INITIAL_STATE);
  });
});
