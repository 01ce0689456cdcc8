import assert from 'node:assert/strict';
import { NEXT_ACTION_LIMITS } from '../../webviews/project/nextActions';
import { applyMessage, INITIAL_STATE, isPortfolioState, restored, type PortfolioState } from '../../webviews/portfolio/portfolioState';
import { isPortfolioCommand, isPortfolioMessage, LIMITS } from '../../webviews/portfolio/protocol';
import { HOSTILE, nextAction, portfolioActions } from './harness/nextActionsFixtures';

const ID = portfolioActions()[0]?.id ?? '';

describe('portfolio next actions: protocol and page state (pure)', () => {
  it('takes a next action only by an id of bounded length', () => {
    assert.equal(isPortfolioCommand({ type: 'nextAction', id: ID }), true);
    for (const bad of [{ type: 'nextAction' }, { type: 'nextAction', id: '' }, { type: 'nextAction', id: { toString: ID } }, { type: 'nextAction', id: 'x'.repeat(NEXT_ACTION_LIMITS.id + 1) }]) {
      assert.equal(isPortfolioCommand(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('accepts the top 8, and refuses a ninth, unknown kinds, huge strings and repeated ids', () => {
    assert.equal(isPortfolioMessage({ type: 'nextActions', actions: portfolioActions(LIMITS.nextActions) }), true);
    assert.equal(isPortfolioMessage({ type: 'nextActions', actions: [nextAction({ title: HOSTILE })] }), true);
    const bad: Array<[string, unknown]> = [
      ['a ninth', portfolioActions(LIMITS.nextActions + 1)],
      ['an unknown action', [nextAction({ action: 'shell' as never })]],
      ['an unknown impact', [nextAction({ impact: 'huge' as never })]],
      ['a huge project name', [nextAction({ projectName: 'x'.repeat(NEXT_ACTION_LIMITS.text + 1) })]],
      ['a huge path', [nextAction({ projectPath: `/${'x'.repeat(NEXT_ACTION_LIMITS.path)}` })]],
      ['two items with one id', [nextAction(), nextAction()]],
    ];
    for (const [what, actions] of bad) assert.equal(isPortfolioMessage({ type: 'nextActions', actions }), false, what);
    assert.equal(isPortfolioMessage({ type: 'failed', message: 'x'.repeat(LIMITS.message + 1) }), false);
    assert.equal(isPortfolioMessage({ type: 'nextActionsFailed', message: 42 }), false);
  });

  it('shows the list, busy on the action asked until the host says it ended or refused', () => {
    const shown = applyMessage(INITIAL_STATE, { type: 'nextActions', actions: portfolioActions() });
    assert.equal(shown.next.actions?.length, 8);
    const asked: PortfolioState = { ...shown, next: { ...shown.next, pending: ID } };
    assert.equal(applyMessage(asked, { type: 'nextActionDone', id: ID }).next.pending, null);
    const refused = applyMessage(asked, { type: 'failed', message: 'That next action is no longer in the list.' });
    assert.deepEqual([refused.next.pending, refused.error], [null, 'That next action is no longer in the list.']);
    const failed = applyMessage(shown, { type: 'nextActionsFailed', message: 'server stopped' });
    assert.deepEqual([failed.next.actions?.length, failed.next.error], [8, 'server stopped'], 'what was shown stays');
  });

  it('restores the list without a refusal or a pending action, and takes a state saved before Next actions existed', () => {
    const shown: PortfolioState = { ...applyMessage(INITIAL_STATE, { type: 'nextActions', actions: portfolioActions() }), error: 'refused', next: { actions: portfolioActions(), error: null, pending: ID } };
    const saved = JSON.parse(JSON.stringify(shown)) as unknown;
    assert.equal(isPortfolioState(saved), true);
    const back = restored(saved as PortfolioState);
    assert.deepEqual([back.next.actions?.length, back.next.pending, back.error], [8, null, null]);
    const { next: _next, error: _error, ...older } = shown;
    assert.equal(isPortfolioState(JSON.parse(JSON.stringify(older))), true);
    assert.equal(restored(older).next.actions, null);
    assert.equal(isPortfolioState({ ...shown, next: { actions: portfolioActions(9), error: null, pending: null } }), false);
  });
});
