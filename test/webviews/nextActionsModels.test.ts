import assert from 'node:assert/strict';
import type { Recommendation } from '../../language-server/advisor/recommend/recommendation';
import { NextActionsFeed, type NextActionsAnswer } from '../../extension/webviews/nextActionsFeed';
import { nextActionDecision, nextActionsView, type SentNextActions } from '../../extension/webviews/nextActionsModels';
import { isNextActions, NEXT_ACTION_LIMITS } from '../../webviews/project/nextActions';
import { isPortfolioMessage, LIMITS as PORTFOLIO_LIMITS } from '../../webviews/portfolio/protocol';
import { isProjectMessage } from '../../webviews/project/protocol';
import { BLOG, HOSTILE, recommendation, SHOP } from './harness/nextActionsFixtures';

const shopList = (): Recommendation[] => [
  recommendation({ kind: 'crashed', title: 'Find out why shop crashed', why: 'Its last run exited with code 1.', impact: 'high', action: { kind: 'diagnose', path: SHOP } }),
  recommendation({ kind: 'security', title: 'Fix 2 security findings in shop', impact: 'high', effort: 'hours', action: { kind: 'analyze', path: SHOP } }),
  recommendation({ kind: 'no-backup' }),
  recommendation({ kind: 'unpushed', title: 'Push 1 commit of shop', action: { kind: 'open', path: SHOP } }),
];

describe('next actions host models (what the dashboards are sent, and which action a page may run)', () => {
  it('makes the page’s items of the server’s recommendations, in the server’s order', () => {
    const { actions, kept } = nextActionsView(shopList(), 50);
    assert.deepEqual(actions[0], {
      id: `crashed:${SHOP}`,
      projectPath: SHOP,
      projectName: 'shop',
      title: 'Find out why shop crashed',
      why: 'Its last run exited with code 1.',
      impact: 'high',
      effort: 'minutes',
      action: 'diagnose',
    });
    assert.deepEqual(actions.map((a) => a.action), ['diagnose', 'analyze', 'backup', 'open']);
    assert.deepEqual(kept.map((r) => r.id), actions.map((a) => a.id), 'what is kept is what is sent, in the same order');
    assert.equal(isProjectMessage({ type: 'nextActions', project: SHOP, actions }), true);
  });

  it('cuts long texts, and leaves out what the page would refuse rather than the whole list', () => {
    const long = 'y'.repeat(NEXT_ACTION_LIMITS.why + 10);
    const { actions, kept } = nextActionsView(
      [
        recommendation({ kind: 'stale', title: 'T'.repeat(NEXT_ACTION_LIMITS.text + 5), why: long, projectName: 'n'.repeat(NEXT_ACTION_LIMITS.text * 2) }),
        recommendation({ kind: 'debt', projectPath: `/${'p'.repeat(NEXT_ACTION_LIMITS.path)}` }),
        recommendation({ kind: 'health', impact: 'enormous' as never }),
        recommendation({ kind: 'missing-ci', effort: 'weeks' as never }),
        recommendation({ kind: 'stale' }),
        recommendation({ kind: 'missing-tests', action: { kind: 'deploy', path: SHOP } as never }),
        recommendation({ kind: 'missing-readme', action: undefined }),
      ],
      50,
    );
    assert.deepEqual(actions.map((a) => a.id), [`stale:${SHOP}`, `missing-tests:${SHOP}`, `missing-readme:${SHOP}`], 'a too-long path, an unknown impact or effort and a repeated id are left out');
    assert.equal(actions[0]?.title.length, NEXT_ACTION_LIMITS.text);
    assert.ok(actions[0]?.title.endsWith('…'));
    assert.equal(actions[0]?.why.length, NEXT_ACTION_LIMITS.why);
    assert.equal(actions[1]?.action, null, 'an action kind the page does not know gets no button');
    assert.equal(actions[2]?.action, null);
    assert.equal(kept.length, 3);
    assert.ok(isNextActions(actions));
  });

  it('sends the portfolio at most its top 8, which the Portfolio page takes', () => {
    const many = Array.from({ length: 20 }, (_, i) => recommendation({ projectPath: `/p/${i}`, title: `Back up ${i}` }));
    const { actions } = nextActionsView(many, PORTFOLIO_LIMITS.nextActions);
    assert.deepEqual(actions.map((a) => a.projectPath), ['/p/0', '/p/1', '/p/2', '/p/3', '/p/4', '/p/5', '/p/6', '/p/7']);
    assert.equal(isPortfolioMessage({ type: 'nextActions', actions }), true);
    assert.equal(isPortfolioMessage({ type: 'nextActions', actions: nextActionsView(many, 9).actions }), false, 'the page refuses a ninth');
  });

  describe('the id must be one the host sent', () => {
    const sent: SentNextActions = { scope: SHOP, items: nextActionsView(shopList(), 50).kept };

    it('runs the action of an item sent, with the server’s command kind and path', () => {
      assert.deepEqual(nextActionDecision(sent, SHOP, `security:${SHOP}`), { action: { kind: 'analyze', path: SHOP }, title: 'Fix 2 security findings in shop' });
      assert.deepEqual(nextActionDecision(sent, SHOP, `no-backup:${SHOP}`), { action: { kind: 'backup', path: SHOP }, title: 'Back up shop' });
    });

    it('refuses an id never sent, one sent for another project, and anything before a list was sent', () => {
      for (const [what, decision] of [
        ['an id not in the list', nextActionDecision(sent, SHOP, `stale:${SHOP}`)],
        ['an id of another project', nextActionDecision(sent, SHOP, `no-backup:${BLOG}`)],
        ['the list of another scope', nextActionDecision(sent, BLOG, `no-backup:${SHOP}`)],
        ['the portfolio asking for a project’s list', nextActionDecision(sent, null, `no-backup:${SHOP}`)],
        ['nothing sent yet', nextActionDecision(undefined, SHOP, `no-backup:${SHOP}`)],
      ] as const) {
        assert.ok('refused' in decision, what);
      }
      assert.match((nextActionDecision(sent, SHOP, `stale:${SHOP}`) as { refused: string }).refused, /^That next action is no longer in the list/);
    });

    it('refuses an item without a one-click action, and never echoes the page’s id', () => {
      const withoutAction: SentNextActions = { scope: null, items: [recommendation({ kind: 'stale', title: 'Decide about shop', action: undefined }), recommendation({ kind: 'debt', action: { kind: 'deploy', path: '/' } as never })] };
      assert.deepEqual(nextActionDecision(withoutAction, null, `stale:${SHOP}`), { refused: 'Optimus has no one-click action for "Decide about shop".' });
      assert.ok('refused' in nextActionDecision(withoutAction, null, `debt:${SHOP}`), 'nor runs an action kind it has no command for');
      const hostile = nextActionDecision(sent, SHOP, `${HOSTILE}${'x'.repeat(5000)}`);
      assert.ok('refused' in hostile && !hostile.refused.includes('<img') && hostile.refused.length < 200);
    });
  });
});

describe('next actions feed (one read at a time, answers for the scope wanted)', () => {
  /** A server whose answers the test releases one by one. */
  function server() {
    const asked: Array<{ scope: string | null; answer: (list: Recommendation[] | Error) => void }> = [];
    const ask = (scope: string | null) =>
      new Promise<Recommendation[]>((resolve, reject) => asked.push({ scope, answer: (list) => (list instanceof Error ? reject(list) : resolve(list)) }));
    return { asked, ask };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('delivers the list as the page takes it, and decides by what it delivered', async () => {
    const { asked, ask } = server();
    const answers: NextActionsAnswer[] = [];
    const feed = new NextActionsFeed(ask, 50, (a) => answers.push(a));
    const done = feed.refresh(SHOP);
    assert.ok('refused' in feed.decide(SHOP, `security:${SHOP}`), 'nothing may run before a list was delivered');
    asked[0]?.answer(shopList());
    await done;
    assert.equal(answers.length, 1);
    assert.deepEqual((answers[0] as { actions: unknown[] }).actions.length, 4);
    assert.deepEqual(feed.decide(SHOP, `security:${SHOP}`), { action: { kind: 'analyze', path: SHOP }, title: 'Fix 2 security findings in shop' });
  });

  it('says the server’s message when it fails, and keeps what it delivered before', async () => {
    const { asked, ask } = server();
    const answers: NextActionsAnswer[] = [];
    const feed = new NextActionsFeed(ask, 50, (a) => answers.push(a));
    const first = feed.refresh(SHOP);
    asked[0]?.answer(shopList());
    await first;
    const second = feed.refresh(SHOP);
    asked[1]?.answer(new Error('The language server is not running.'));
    await second;
    assert.deepEqual(answers[1], { scope: SHOP, error: 'The language server is not running.' });
    assert.ok('action' in feed.decide(SHOP, `crashed:${SHOP}`), 'the list still shown may still be acted on');
  });

  it('asks once more, not once per change, when asked again during a read', async () => {
    const { asked, ask } = server();
    const answers: NextActionsAnswer[] = [];
    const feed = new NextActionsFeed(ask, 50, (a) => answers.push(a));
    const done = feed.refresh(null);
    for (let i = 0; i < 5; i++) void feed.refresh(null);
    assert.equal(asked.length, 1, 'one read at a time');
    asked[0]?.answer([recommendation()]);
    await settle();
    assert.equal(asked.length, 2, 'one more read for the five changes');
    assert.equal(answers.length, 1, 'the first answer is still shown while the next is read');
    asked[1]?.answer([recommendation({ kind: 'stale' })]);
    await done;
    assert.equal(answers.length, 2);
    assert.equal(asked.length, 2);
    assert.ok('refused' in feed.decide(null, `no-backup:${SHOP}`), 'only the last list delivered counts');
    const again = feed.refresh(null);
    assert.equal(asked.length, 3, 'a refresh after the reads ended starts a new one');
    asked[2]?.answer([]);
    await again;
    assert.deepEqual(answers.at(-1), { scope: null, actions: [] });
  });

  it('drops an answer for a project no longer shown, and reads the one shown now', async () => {
    const { asked, ask } = server();
    const answers: NextActionsAnswer[] = [];
    const feed = new NextActionsFeed(ask, 50, (a) => answers.push(a));
    const done = feed.refresh(SHOP);
    void feed.refresh(BLOG);
    asked[0]?.answer(shopList());
    await settle();
    assert.equal(answers.length, 0, 'shop’s list is not delivered while blog is shown');
    assert.equal(asked[1]?.scope, BLOG);
    asked[1]?.answer([recommendation({ projectPath: BLOG, title: 'Back up blog' })]);
    await done;
    assert.deepEqual(answers.map((a) => a.scope), [BLOG]);
    assert.ok('refused' in feed.decide(SHOP, `crashed:${SHOP}`));
  });

  it('delivers nothing after forget, and refuses what it delivered before', async () => {
    const { asked, ask } = server();
    const answers: NextActionsAnswer[] = [];
    const feed = new NextActionsFeed(ask, 50, (a) => answers.push(a));
    const first = feed.refresh(SHOP);
    asked[0]?.answer(shopList());
    await first;
    const second = feed.refresh(SHOP);
    feed.forget();
    asked[1]?.answer(shopList());
    await second;
    assert.equal(answers.length, 1);
    assert.ok('refused' in feed.decide(SHOP, `crashed:${SHOP}`));
  });
});
