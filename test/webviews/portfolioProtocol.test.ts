import assert from 'node:assert/strict';
import { isPortfolioCommand, isPortfolioMessage, LIMITS } from '../../webviews/portfolio/protocol';
import { card, generatedActivity, generatedCards } from './harness/portfolioFixtures';

describe('portfolio protocol guards', () => {
  describe('webview → host (isPortfolioCommand)', () => {
    const valid: unknown[] = [{ type: 'ready' }, { type: 'addRoot' }, { type: 'openProject', path: '/home/dev/projects/shop' }];
    for (const command of valid) it(`accepts ${JSON.stringify(command)}`, () => assert.equal(isPortfolioCommand(command), true));

    const invalid: Array<[string, unknown]> = [
      ['not an object', 'ready'],
      ['null', null],
      ['an array', [{ type: 'ready' }]],
      ['an unknown type', { type: 'runCommand', command: 'rm -rf ~' }],
      ['a start, which this panel does not do', { type: 'start', path: '/p' }],
      ['an open without a path', { type: 'openProject' }],
      ['an empty path', { type: 'openProject', path: '' }],
      ['a path that is not a string', { type: 'openProject', path: ['/p'] }],
      ['a path over the bound', { type: 'openProject', path: `/${'x'.repeat(LIMITS.path)}` }],
    ];
    for (const [what, command] of invalid) it(`refuses ${what}`, () => assert.equal(isPortfolioCommand(command), false));
  });

  describe('host → webview (isPortfolioMessage)', () => {
    const cards = generatedCards(20);
    const valid: unknown[] = [
      { type: 'cards', cards: [], index: 'starting' },
      { type: 'cards', cards, index: 'ready' },
      { type: 'cards', cards: [card({ health: null, debt: null, lastActivity: null, git: null, parentName: 'mono', stack: [] })], index: 'stored' },
      { type: 'cardsChanged', updated: [card({ run: { state: 'running', cpuPercent: 250.5, memoryBytes: 1 << 30, ports: [3000, 5173] } })], removed: ['/p/old'], index: 'scanning' },
      { type: 'cardsChanged', updated: [card({ git: { branch: null, changed: 0, ahead: null, behind: null, error: 'git status: bad object HEAD' } })], removed: [], index: 'ready' },
      { type: 'activity', activity: generatedActivity(cards) },
      { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: [], byProject: [], failed: 3 } },
      { type: 'activityFailed', message: 'The server is not running.' },
    ];
    for (const message of valid) it(`accepts a "${(message as { type: string }).type}" message`, () => assert.equal(isPortfolioMessage(message), true));

    const changed = (over: Record<string, unknown>) => ({ type: 'cardsChanged', updated: [{ ...card(), ...over }], removed: [], index: 'ready' });
    const invalid: Array<[string, unknown]> = [
      ['an unknown type', { type: 'eval', code: 'alert(1)' }],
      ['cards without an index state', { type: 'cards', cards: [] }],
      ['an index state it does not know', { type: 'cards', cards: [], index: 'done' }],
      ['a card without fields', { type: 'cards', cards: [{ path: '/p' }], index: 'ready' }],
      ['a card with a huge name', changed({ name: 'x'.repeat(LIMITS.text + 1) })],
      ['a card with an empty path', changed({ path: '' })],
      ['a health over 100', changed({ health: 101 })],
      ['a fractional health', changed({ health: 80.5 })],
      ['a debt rating it does not know', changed({ debt: 'F' })],
      ['a last activity that is not a time', changed({ lastActivity: 'last Tuesday' })],
      ['an unknown run state', changed({ run: { state: 'paused', cpuPercent: 0, memoryBytes: 0, ports: [] } })],
      ['an infinite CPU', changed({ run: { state: 'running', cpuPercent: Number.POSITIVE_INFINITY, memoryBytes: 0, ports: [] } })],
      ['a negative memory', changed({ run: { state: 'running', cpuPercent: 1, memoryBytes: -1, ports: [] } })],
      ['port 0', changed({ run: { state: 'running', cpuPercent: 1, memoryBytes: 1, ports: [0] } })],
      ['too many ports', changed({ run: { state: 'running', cpuPercent: 1, memoryBytes: 1, ports: Array.from({ length: LIMITS.ports + 1 }, (_, i) => i + 1) } })],
      ['a stack tag id with markup', changed({ stack: [{ id: '<img>', label: 'x', kind: 'language' }] })],
      ['a stack tag of an unknown kind', changed({ stack: [{ id: 'go', label: 'Go', kind: 'tool' }] })],
      ['too many stack tags', changed({ stack: Array.from({ length: LIMITS.stackTags + 1 }, (_, i) => ({ id: `l${i}`, label: 'L', kind: 'language' })) })],
      ['negative changed files', changed({ git: { branch: 'main', changed: -1, ahead: null, behind: null, error: null } })],
      ['a removal that is not a list', { type: 'cardsChanged', updated: [], removed: '/p', index: 'ready' }],
      ['too many cards', { type: 'cards', cards: Array.from({ length: LIMITS.projects + 1 }, () => card()), index: 'ready' }],
      ['a day that is not a date', { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: [{ date: '2025-1-2', commits: 1 }], byProject: [], failed: 0 } }],
      ['a day with no commits', { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: [{ date: '2025-01-02', commits: 0 }], byProject: [], failed: 0 } }],
      ['a window that ends before it starts', { type: 'activity', activity: { from: '2025-12-31', to: '2025-01-01', days: [], byProject: [], failed: 0 } }],
      ['too many days', { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: Array.from({ length: LIMITS.days + 1 }, () => ({ date: '2025-01-02', commits: 1 })), byProject: [], failed: 0 } }],
      ['a failure count that is not a count', { type: 'activity', activity: { from: '2025-01-01', to: '2025-12-31', days: [], byProject: [], failed: [] } }],
      ['a huge failure message', { type: 'activityFailed', message: 'x'.repeat(LIMITS.text + 1) }],
    ];
    for (const [what, message] of invalid) it(`refuses ${what}`, () => assert.equal(isPortfolioMessage(message), false));

    it('reads only the fields a message has: a "__proto__" key in JSON gives it none', () => {
      assert.equal(isPortfolioMessage(JSON.parse('{"__proto__": {"type": "activityFailed", "message": "x"}}')), false);
    });
  });
});
