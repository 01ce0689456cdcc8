import assert from 'node:assert/strict';
import { stackChoices, visibleCards } from '../../webviews/portfolio/cardQuery';
import { applyMessage, INITIAL_STATE, isPortfolioState, mergeCards, restored, type PortfolioView } from '../../webviews/portfolio/portfolioState';
import { card, generatedActivity, generatedCards } from './harness/portfolioFixtures';

const view = (over: Partial<PortfolioView> = {}): PortfolioView => ({ ...INITIAL_STATE.view, ...over });

describe('portfolio state (the page’s reducer and query)', () => {
  it('takes the whole list and the index state from a cards message', () => {
    const next = applyMessage(INITIAL_STATE, { type: 'cards', cards: [card()], index: 'scanning' });
    assert.deepEqual([next.cards.length, next.index], [1, 'scanning']);
  });

  it('applies a live update in place and keeps every other card the same object', () => {
    const cards = generatedCards(5);
    const changed = { ...(cards[2] as (typeof cards)[number]), health: 12 };
    const merged = mergeCards(cards, [changed, card({ path: '/p/new', name: 'new' })], [cards[4]?.path ?? '']);
    assert.equal(merged[2], changed);
    for (const i of [0, 1, 3]) assert.equal(merged[i], cards[i], `card ${i} is untouched`);
    assert.deepEqual(merged.map((c) => c.path), [cards[0], cards[1], cards[2], cards[3]].map((c) => c?.path).concat('/p/new'));
  });

  it('keeps the activity read before when a refresh fails, and clears the failure on the next success', () => {
    const activity = generatedActivity(generatedCards(3));
    const failed = applyMessage({ ...INITIAL_STATE, activity }, { type: 'activityFailed', message: 'The server is not running.' });
    assert.deepEqual([failed.activity, failed.activityError], [activity, 'The server is not running.']);
    assert.equal(applyMessage(failed, { type: 'activity', activity }).activityError, null);
  });

  it('accepts its own saved state and refuses other shapes', () => {
    const cards = generatedCards(10);
    const state = { ...applyMessage(INITIAL_STATE, { type: 'cards', cards, index: 'ready' }), activity: generatedActivity(cards), focused: cards[3]?.path ?? null, view: view({ query: 'api', sort: 'health' }) };
    assert.equal(isPortfolioState(JSON.parse(JSON.stringify(state))), true);
    assert.equal(isPortfolioState({ ...state, view: { ...state.view, sort: 'random' } }), false);
    assert.equal(isPortfolioState({ ...state, cards: [{ path: '/p' }] }), false);
    assert.equal(isPortfolioState('state'), false);
    assert.equal(restored(undefined), INITIAL_STATE);
  });

  it('searches every word in the name, stack, branch and path', () => {
    const cards = [card({ path: '/p/shop', name: 'shop' }), card({ path: '/p/blog', name: 'blog', stack: [{ id: 'python', label: 'Python', kind: 'language' }], git: { branch: 'feature/rss', changed: 0, ahead: null, behind: null, error: null } })];
    assert.deepEqual(visibleCards(cards, view({ query: 'PYTHON rss' })).map((c) => c.name), ['blog']);
    assert.deepEqual(visibleCards(cards, view({ query: '/p/' })).map((c) => c.name), ['blog', 'shop']);
    assert.deepEqual(visibleCards(cards, view({ query: 'nothing like it' })), []);
  });

  it('filters by stack and state, and sorts by name, health (lowest first) and activity (latest first), unknowns last', () => {
    const day = 86_400_000;
    const cards = [
      card({ path: '/a', name: 'alpha', health: 90, lastActivity: new Date(Date.now() - 9 * day).toISOString() }),
      card({ path: '/b', name: 'beta', health: null, lastActivity: null, run: { state: 'running', cpuPercent: 1, memoryBytes: 1, ports: [] } }),
      card({ path: '/c', name: 'gamma', health: 30, lastActivity: new Date(Date.now() - day).toISOString(), stack: [{ id: 'go', label: 'Go', kind: 'language' }] }),
    ];
    assert.deepEqual(visibleCards(cards, view({ sort: 'health' })).map((c) => c.name), ['gamma', 'alpha', 'beta']);
    assert.deepEqual(visibleCards(cards, view({ sort: 'activity' })).map((c) => c.name), ['gamma', 'alpha', 'beta']);
    assert.deepEqual(visibleCards(cards, view({ run: 'running' })).map((c) => c.name), ['beta']);
    assert.deepEqual(visibleCards(cards, view({ stack: 'go' })).map((c) => c.name), ['gamma']);
    assert.deepEqual(stackChoices(cards).map((t) => [t.id, t.count]), [['react', 2], ['typescript', 2], ['go', 1]]);
  });
});
