import assert from 'node:assert/strict';
import { INITIAL_NEXT_ACTIONS, NEXT_ACTION_LIMITS } from '../../webviews/project/nextActions';
import { applyMessage, INITIAL_STATE, isProjectState, restored, type ProjectState } from '../../webviews/project/projectState';
import { isProjectCommand, isProjectMessage, type ProjectMessage } from '../../webviews/project/protocol';
import { HOSTILE, nextAction, SHOP, shopActions } from './harness/nextActionsFixtures';
import { BLOG, header, shopMessages } from './harness/projectFixtures';

const apply = (messages: readonly ProjectMessage[], from: ProjectState = INITIAL_STATE) => messages.reduce(applyMessage, from);
const ID = `work-at-risk:${SHOP}`;

describe('project detail next actions: protocol and page state (pure)', () => {
  it('takes a next action only by an id of bounded length, for a project', () => {
    assert.equal(isProjectCommand({ type: 'nextAction', project: SHOP, id: ID }), true);
    for (const bad of [
      { type: 'nextAction', project: SHOP },
      { type: 'nextAction', project: SHOP, id: '' },
      { type: 'nextAction', project: SHOP, id: 42 },
      { type: 'nextAction', project: SHOP, id: 'x'.repeat(NEXT_ACTION_LIMITS.id + 1) },
      { type: 'nextAction', id: ID },
      { type: 'nextAction', project: SHOP, id: [ID] },
      { type: 'runCommand', command: 'optimus.backup', args: [SHOP] },
    ]) {
      assert.equal(isProjectCommand(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('accepts the lists the host sends, and refuses what breaks their bounds', () => {
    assert.equal(isProjectMessage({ type: 'nextActions', project: SHOP, actions: shopActions() }), true);
    assert.equal(isProjectMessage({ type: 'nextActions', project: SHOP, actions: [] }), true);
    assert.equal(isProjectMessage({ type: 'nextActions', project: SHOP, actions: [nextAction({ title: HOSTILE, why: HOSTILE, projectName: HOSTILE })] }), true, 'markup is text, not a reason to refuse');
    const bad: Array<[string, unknown]> = [
      ['an unknown impact', [nextAction({ impact: 'urgent' as never })]],
      ['an unknown effort', [nextAction({ effort: 'weeks' as never })]],
      ['an unknown action', [nextAction({ action: 'rm' as never })]],
      ['a huge why', [nextAction({ why: 'x'.repeat(NEXT_ACTION_LIMITS.why + 1) })]],
      ['a huge title', [nextAction({ title: 'x'.repeat(NEXT_ACTION_LIMITS.text + 1) })]],
      ['an empty id', [nextAction({ id: '' })]],
      ['two items with one id', [nextAction(), nextAction()]],
      ['too many items', Array.from({ length: NEXT_ACTION_LIMITS.items + 1 }, (_, i) => nextAction({ id: `x:${i}` }))],
      ['an item without its project', [{ ...nextAction(), projectPath: undefined }]],
      ['not a list', { 0: nextAction() }],
    ];
    for (const [what, actions] of bad) assert.equal(isProjectMessage({ type: 'nextActions', project: SHOP, actions }), false, what);
    assert.equal(isProjectMessage({ type: 'nextActionsFailed', project: SHOP, message: 'x'.repeat(NEXT_ACTION_LIMITS.message + 1) }), false);
    assert.equal(isProjectMessage({ type: 'nextActionDone', project: SHOP, id: '' }), false);
  });

  it('shows the list for the project shown, busy on the action asked until the host says it ended', () => {
    const shop = apply([...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    assert.equal(shop.next.actions?.length, 5);
    assert.equal(applyMessage(shop, { type: 'nextActions', project: BLOG, actions: [] }), shop, 'a late list of another project changes nothing');
    const asked = { ...shop, next: { ...shop.next, pending: ID } };
    assert.equal(applyMessage(asked, { type: 'nextActionDone', project: SHOP, id: `crashed:${SHOP}` }).next.pending, ID, 'the end of another action leaves it');
    assert.equal(applyMessage(asked, { type: 'nextActionDone', project: SHOP, id: ID }).next.pending, null);
    assert.equal(applyMessage(asked, { type: 'failed', message: 'refused' }).next.pending, null, 'a refusal ends it');
    assert.equal(applyMessage(asked, { type: 'nextActions', project: SHOP, actions: shopActions().filter((a) => a.id !== ID) }).next.pending, null, 'an item that left the list is not busy');
  });

  it('keeps the list shown when reading it again fails, and forgets the error with the next list', () => {
    const shop = apply([...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    const failed = applyMessage(shop, { type: 'nextActionsFailed', project: SHOP, message: 'Unknown project /x' });
    assert.deepEqual([failed.next.actions?.length, failed.next.error], [5, 'Unknown project /x']);
    assert.equal(applyMessage(failed, { type: 'nextActions', project: SHOP, actions: [] }).next.error, null);
    assert.deepEqual(applyMessage(failed, { type: 'header', header: header({ path: BLOG, name: 'blog' }) }).next, INITIAL_NEXT_ACTIONS, 'another project starts without shop’s list');
  });

  it('restores a saved list without its pending action, and takes a state saved before Next actions existed', () => {
    const shop = apply([...shopMessages(), { type: 'nextActions', project: SHOP, actions: shopActions() }]);
    const saved = JSON.parse(JSON.stringify({ ...shop, next: { ...shop.next, pending: ID } })) as unknown;
    assert.equal(isProjectState(saved), true);
    const back = restored(saved as ProjectState);
    assert.deepEqual([back.next.actions?.length, back.next.pending], [5, null]);
    const { next: _dropped, ...older } = shop;
    assert.equal(isProjectState(JSON.parse(JSON.stringify(older))), true);
    assert.equal(restored(older).next.actions, null, 'an older state waits for the host’s list');
    assert.equal(isProjectState({ ...shop, next: { actions: [nextAction({ impact: 'urgent' as never })], error: null, pending: null } }), false);
  });
});
