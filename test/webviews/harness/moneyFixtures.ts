import type { MoneyView } from '../../../language-server/advisor/money/moneyTypes';
import type { MoneyInfo } from '../../../webviews/money/moneyInfo';
import type { MoneyMessage } from '../../../webviews/money/protocol';

export const SHOP = '/home/dev/projects/shop';
export const BLOG = '/home/dev/projects/blog';

export const PROJECTS: MoneyMessage = {
  type: 'projects',
  projects: [
    { path: BLOG, name: 'blog' },
    { path: SHOP, name: 'shop' },
  ],
  indexing: false,
};

/** Markup in a string the page shows: a page that parsed any of it as HTML would run `onerror`. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/**
 * The shop as the host sends it: 42.5 hours at 50 an hour, hosting since January and one sale, so every figure
 * has a value to find on the page.
 */
export function shopView(over: Partial<MoneyInfo> = {}): MoneyInfo {
  return {
    path: SHOP,
    name: 'shop',
    type: 'web-app',
    typeEvidence: ['package.json depends on "next"'],
    hours: {
      hours: 42.5,
      sessions: 17,
      commits: 120,
      byMonth: [
        { month: '2024-01', hours: 12.5 },
        { month: '2024-02', hours: 20 },
        { month: '2024-04', hours: 10 },
      ],
      authors: [
        { name: 'Ada Lovelace', email: 'ada@example.com', hours: 30.5, commits: 90 },
        { name: 'Grace Hopper', email: 'grace@example.com', hours: 12, commits: 30 },
      ],
      otherAuthors: 0,
    },
    hourlyRate: 50,
    entries: [
      { id: 1, direction: 'cost', name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-01-15' },
      { id: 2, direction: 'revenue', name: 'Launch sale', amount: 250, kind: 'one-off', since: '2024-03-01' },
    ],
    figures: { labour: 2125, costsToDate: 30, revenueToDate: 250, invested: 2155, roi: -0.884, costPerMonth: 5, revenuePerMonth: 0, paybackMonths: null },
    opportunities: [
      {
        model: 'saas-subscription',
        title: 'SaaS subscription',
        confidence: 0.62,
        signals: ['fits a web app', 'has-auth: src/auth/login.ts'],
        gaps: ['Add a pricing page', 'Take payments (Stripe, Paddle…)'],
      },
      { model: 'sponsorships', title: 'Sponsorships', confidence: 0.25, signals: ['fits a web app'], gaps: [] },
    ],
    market: { state: 'off' },
    notes: ['This is a shallow clone: commits before its cut-off are missing, so the hours are a lower bound.'],
    ...over,
  };
}

/** The same shop once the rate is 80: labour and everything built on it follow. */
export function shopAtRate80(): MoneyInfo {
  const v = shopView();
  return { ...v, hourlyRate: 80, figures: { ...v.figures, labour: 3400, invested: 3430, roi: -0.9271 } };
}

/** A folder without .git: no hours, and the server's note that says why. */
export function notGitView(): MoneyInfo {
  return shopView({
    path: BLOG,
    name: 'blog',
    hours: { hours: 0, sessions: 0, commits: 0, byMonth: [], authors: [], otherAuthors: 0 },
    hourlyRate: null,
    entries: [],
    figures: { labour: 0, costsToDate: 0, revenueToDate: 0, invested: 0, roi: null, costPerMonth: 0, revenuePerMonth: 0, paybackMonths: 0 },
    opportunities: [],
    notes: [`${BLOG} is not a git repository (no .git): no hours to count.`],
  });
}

/** Market figures turned on, but neither npm nor GitHub answered: notes without a digit, so any number shown was made up. */
export function marketWithoutData(): MoneyInfo['market'] {
  return {
    state: 'on',
    npm: null,
    github: null,
    notes: ['No package name in package.json: npm was not asked.', 'The network could not be reached: GitHub was not asked.'],
  };
}

export function view(info: MoneyInfo): MoneyMessage {
  return { type: 'view', project: info.path, view: info };
}

/** A server answer as `optimus/money` gives it, for the host models. */
export function serverView(over: Partial<MoneyView> = {}): MoneyView {
  return {
    path: SHOP,
    name: 'shop',
    type: 'web-app',
    typeEvidence: ['package.json depends on "next"'],
    hours: {
      hours: 42.5,
      sessions: 17,
      commits: 120,
      authors: [{ name: 'Ada Lovelace', email: 'ada@example.com', hours: 42.5, commits: 120 }],
      byMonth: [
        { month: '2024-01', hours: 22.5 },
        { month: '2024-02', hours: 20 },
      ],
    },
    hourlyRate: 50,
    entries: [{ id: 1, direction: 'cost', name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-01-15' }],
    figures: { labour: 2125, costsToDate: 30, revenueToDate: 0, invested: 2155, roi: -1, costPerMonth: 5, revenuePerMonth: 0, paybackMonths: null },
    opportunities: [{ model: 'saas-subscription', title: 'SaaS subscription', confidence: 0.62, signals: ['fits a web app'], gaps: ['Add a pricing page'] }],
    market: { state: 'off' },
    notes: ['No market data: npm downloads and GitHub stars/forks are not looked up unless optimus.advisor.marketSignals is on.'],
    ...over,
  };
}
