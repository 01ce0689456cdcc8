import type { DetailView, FileStat, FindingItem, FunctionStat } from '../../../webviews/project/detailView';
import type { ActivityView, HeaderRun, ProjectHeader, ProjectMessage, UsageSample } from '../../../webviews/project/protocol';

export const SHOP = '/home/dev/projects/shop';
export const BLOG = '/home/dev/projects/blog';

/** Markup in every string the page shows: a page that parsed any of it as HTML would run `onerror`. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic generator (mulberry32), so the same project is drawn on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function header(over: Partial<ProjectHeader> = {}): ProjectHeader {
  return {
    path: SHOP,
    name: 'shop',
    stack: [
      { id: 'typescript', label: 'TypeScript', kind: 'language' },
      { id: 'react', label: 'React', kind: 'framework' },
    ],
    git: { branch: 'main', changed: 3, ahead: 1, behind: null, error: null },
    run: { state: 'stopped', cpuPercent: 0, memoryBytes: 0, ports: [] },
    health: 72,
    debt: 'C',
    debtMinutes: 720,
    analyzedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    ...over,
  };
}

export const RUNNING: HeaderRun = { state: 'running', cpuPercent: 42.5, memoryBytes: 300 * 1024 * 1024, ports: [3000] };

const FOLDERS = ['src', 'src/components', 'src/pages', 'src/lib', 'src/api', 'test', 'scripts', 'src/components/forms', 'src/store'];
const WORDS = ['cart', 'checkout', 'user', 'order', 'search', 'price', 'auth', 'layout', 'button', 'modal', 'format', 'client', 'cache'];

/** `n` files, the largest first as the server sends them. */
export function generatedFiles(n: number, seed = 3): FileStat[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const files = Array.from({ length: n }, (_, i): FileStat => {
    const loc = Math.round(5 + random() ** 3 * 1500);
    const maxComplexity = Math.round(1 + random() ** 2 * 60);
    return { file: `${pick(FOLDERS)}/${pick(WORDS)}-${i}.ts`, loc, complexity: maxComplexity + Math.round(random() * loc * 0.2), maxComplexity, findings: random() < 0.2 ? Math.ceil(random() * 5) : 0 };
  });
  return files.sort((a, b) => b.loc - a.loc);
}

export function functions(): FunctionStat[] {
  return [
    { file: 'src/checkout/total.ts', name: 'computeTotal', line: 42, cyclomatic: 31, cognitive: 48, loc: 120 },
    { file: 'src/api/orders.ts', name: "method 'sync'", line: 7, cyclomatic: 18, cognitive: 22, loc: 64 },
    { file: 'src/lib/format.ts', name: 'arrow function', line: 88, cyclomatic: 12, cognitive: 9, loc: 20 },
  ];
}

export function findings(): FindingItem[] {
  return [
    { ruleId: 'secret/aws-access-key', category: 'security', severity: 'error', message: 'AWS access key AKIA…MPLE in source', file: 'src/config.ts', line: 3, column: 14 },
    { ruleId: 'complexity', category: 'quality', severity: 'warning', message: 'computeTotal has a complexity of 31 (limit 10)', file: 'src/checkout/total.ts', line: 42, column: 1 },
    { ruleId: 'performance/sync-fs-in-handler', category: 'performance', severity: 'warning', message: 'readFileSync inside a request handler blocks every request', file: 'src/api/orders.ts', line: 19, column: 5 },
    { ruleId: 'dependency/vulnerable', category: 'security', severity: 'warning', message: 'lodash 4.17.15 has a known advisory', file: '.', line: 1, column: 1 },
    { ruleId: 'debt/todo-old', category: 'debt', severity: 'info', message: 'TODO older than a year', file: 'src/lib/format.ts', line: 12, column: 3 },
  ];
}

export function trend(points = 8): DetailView['trend'] {
  const now = Date.now();
  return Array.from({ length: points }, (_, i) => ({
    at: new Date(now - (points - i) * 7 * DAY).toISOString(),
    health: 60 + i * 2,
    debtMinutes: 900 - i * 30,
    debtRating: i < 4 ? ('D' as const) : ('C' as const),
    loc: 20_000 + i * 400,
  }));
}

export function detail(over: Partial<DetailView> = {}): DetailView {
  return {
    analyzedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    trend: trend(),
    files: generatedFiles(40),
    functions: functions(),
    findings: findings(),
    findingCounts: { quality: 14, security: 2, performance: 1, debt: 6 },
    dependencies: [
      { name: 'react', declared: '^18.2.0', locked: '18.2.0', latest: '18.3.1', dev: false, outdated: true, vulnerable: null },
      { name: 'lodash', declared: '^4.17.0', locked: '4.17.15', latest: '4.17.21', dev: false, outdated: true, vulnerable: { severity: 'high', ids: ['GHSA-p6mc-m468-83gw'] } },
      { name: 'typescript', declared: '~5.6.0', locked: '5.6.3', latest: '5.6.3', dev: true, outdated: false, vulnerable: null },
      { name: 'left-pad', declared: '*', locked: null, latest: null, dev: false, outdated: false, vulnerable: null },
    ],
    notes: ['No lockfile lists eslint-plugin-x: its locked version is unknown.'],
    ...over,
  };
}

export function neverAnalyzed(): DetailView {
  return detail({
    analyzedAt: null,
    trend: [],
    files: [],
    functions: [],
    findings: [],
    findingCounts: { quality: 0, security: 0, performance: 0, debt: 0 },
    notes: ['This project has not been analyzed yet: run Analyze Project to see its health, hotspots and findings.'],
  });
}

/** A year of commits, busier on weekdays. */
export function activity(seed = 5): ActivityView {
  const random = rng(seed);
  const to = new Date();
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const days: ActivityView['days'] = [];
  for (let d = new Date(from); d <= to; d = new Date(d.getTime() + DAY)) {
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    if (random() < (weekend ? 0.1 : 0.6)) days.push({ date: iso(d), commits: Math.ceil(random() * (weekend ? 2 : 8)) });
  }
  return { from: iso(from), to: iso(to), days };
}

export function usage(n = 30): UsageSample[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({ at: now - (n - i) * 2000, cpuPercent: 10 + ((i * 7) % 30), memoryBytes: (250 + i) * 1024 * 1024 }));
}

/** What the host sends when a page says ready for the shop project, analyzed. */
export function shopMessages(d: DetailView = detail(), ref = 7): ProjectMessage[] {
  return [
    { type: 'projects', projects: [{ path: SHOP, name: 'shop' }, { path: BLOG, name: 'blog' }] },
    { type: 'header', header: header() },
    { type: 'loading', project: SHOP },
    { type: 'detail', project: SHOP, ref, detail: d },
    { type: 'activity', project: SHOP, activity: activity() },
  ];
}

/** Names and paths that would run script if the page parsed them as HTML, and paths that climb out of the project. */
export function hostileDetail(): DetailView {
  const base = detail();
  return {
    ...base,
    files: [
      { file: `src/${HOSTILE}.ts`, loc: 900, complexity: 30, maxComplexity: 12, findings: 1 },
      { file: '../../etc/passwd', loc: 800, complexity: 1, maxComplexity: 1, findings: 0 },
      { file: '/etc/shadow', loc: 700, complexity: 1, maxComplexity: 1, findings: 0 },
      ...base.files.slice(0, 5),
    ],
    functions: [{ file: '../shop-old/src/x.ts', name: `fn ${HOSTILE}`, line: 3, cyclomatic: 40, cognitive: 40, loc: 10 }, ...base.functions],
    findings: [
      { ruleId: `rule-${HOSTILE}`, category: 'security', severity: 'error', message: `Message <script>window.__pwned=2</script> ${HOSTILE}`, file: 'src/../../../etc/hosts', line: 1, column: 1 },
      ...base.findings,
    ],
    dependencies: [{ name: `pkg ${HOSTILE}`, declared: HOSTILE, locked: null, latest: null, dev: false, outdated: true, vulnerable: { severity: HOSTILE, ids: [HOSTILE] } }],
    notes: [`Note ${HOSTILE}`],
  };
}
