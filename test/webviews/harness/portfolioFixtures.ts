import type { PortfolioActivity, ProjectCard, StackTag } from '../../../webviews/portfolio/protocol';

const LANGUAGES: StackTag[] = [
  { id: 'typescript', label: 'TypeScript', kind: 'language' },
  { id: 'javascript', label: 'JavaScript', kind: 'language' },
  { id: 'python', label: 'Python', kind: 'language' },
  { id: 'go', label: 'Go', kind: 'language' },
  { id: 'rust', label: 'Rust', kind: 'language' },
  { id: 'java', label: 'Java', kind: 'language' },
  { id: 'ruby', label: 'Ruby', kind: 'language' },
  { id: 'csharp', label: 'C#', kind: 'language' },
  { id: 'php', label: 'PHP', kind: 'language' },
  { id: 'kotlin', label: 'Kotlin', kind: 'language' },
];
const FRAMEWORKS: StackTag[] = [
  { id: 'react', label: 'React', kind: 'framework' },
  { id: 'next', label: 'Next.js', kind: 'framework' },
  { id: 'express', label: 'Express', kind: 'framework' },
  { id: 'django', label: 'Django', kind: 'framework' },
  { id: 'fastapi', label: 'FastAPI', kind: 'framework' },
  { id: 'gin', label: 'Gin', kind: 'framework' },
  { id: 'spring-boot', label: 'Spring Boot', kind: 'framework' },
];
const WORDS = ['shop', 'blog', 'api', 'billing', 'search', 'auth', 'admin', 'mobile', 'docs', 'infra', 'chat', 'maps', 'etl', 'cli', 'site'];
const BRANCHES = ['main', 'main', 'main', 'develop', 'feature/login', 'fix/memory-leak'];

/** A small deterministic generator (mulberry32), so the same 200 projects are drawn on every run. */
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

const DAY = 24 * 60 * 60 * 1000;

/** A project card as the portfolio host sends it. */
export function card(over: Partial<ProjectCard> = {}): ProjectCard {
  return {
    path: '/home/dev/projects/shop',
    name: 'shop',
    parentName: null,
    stack: [LANGUAGES[0] as StackTag, FRAMEWORKS[0] as StackTag],
    run: { state: 'stopped', cpuPercent: 0, memoryBytes: 0, ports: [] },
    health: 82,
    debt: 'B',
    lastActivity: new Date(Date.now() - 3 * DAY).toISOString(),
    git: { branch: 'main', changed: 2, ahead: 1, behind: null, error: null },
    ...over,
  };
}

/** `n` varied projects, sorted by name as the host sends them: some running, some crashed, some not analyzed. */
export function generatedCards(n: number, seed = 7): ProjectCard[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const cards = Array.from({ length: n }, (_, i): ProjectCard => {
    const name = `${pick(WORDS)}-${pick(WORDS)}-${String(i).padStart(3, '0')}`;
    const roll = random();
    const state = roll < 0.08 ? 'running' : roll < 0.1 ? 'crashed' : 'stopped';
    const languages = [pick(LANGUAGES), ...(random() < 0.3 ? [pick(LANGUAGES)] : [])];
    const stack = [...new Map([...languages, ...(random() < 0.6 ? [pick(FRAMEWORKS)] : [])].map((t) => [t.id, t])).values()];
    const analyzed = random() < 0.85;
    return {
      path: `/home/dev/projects/${name}`,
      name,
      parentName: random() < 0.1 ? 'monorepo' : null,
      stack,
      run:
        state === 'running'
          ? { state, cpuPercent: Math.round(random() * 1500) / 10, memoryBytes: Math.round(50 + random() * 900) * 1024 * 1024, ports: [3000 + i] }
          : { state, cpuPercent: 0, memoryBytes: 0, ports: [] },
      health: analyzed ? Math.round(20 + random() * 80) : null,
      debt: analyzed ? pick(['A', 'A', 'B', 'B', 'C', 'D', 'E'] as const) : null,
      lastActivity: random() < 0.95 ? new Date(Date.now() - Math.floor(random() * 400) * DAY).toISOString() : null,
      git: random() < 0.95 ? { branch: pick(BRANCHES), changed: random() < 0.3 ? Math.ceil(random() * 12) : 0, ahead: random() < 0.2 ? 1 : 0, behind: null, error: null } : null,
    };
  });
  return cards.sort((a, b) => a.name.localeCompare(b.name));
}

/** A year of commits across `cards`, busier on weekdays. */
export function generatedActivity(cards: readonly ProjectCard[], seed = 11): PortfolioActivity {
  const random = rng(seed);
  const to = new Date();
  const from = new Date(to.getFullYear() - 1, to.getMonth(), to.getDate() + 1);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const days: PortfolioActivity['days'] = [];
  for (let d = new Date(from); d <= to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    const weekend = d.getDay() === 0 || d.getDay() === 6;
    const commits = random() < (weekend ? 0.25 : 0.8) ? Math.ceil(random() * (weekend ? 4 : 30)) : 0;
    if (commits > 0) days.push({ date: iso(d), commits });
  }
  const total = days.reduce((s, d) => s + d.commits, 0);
  const byProject = cards.slice(0, 20).map((c, i) => ({ path: c.path, commits: Math.max(1, Math.floor(total / (i + 2) / 2)) }));
  return { from: iso(from), to: iso(to), days, byProject, failed: 0 };
}

/** Markup in every string the page shows: a page that parsed any of it as HTML would run `onerror`. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

export function hostileCard(): ProjectCard {
  return card({
    path: `/home/dev/${HOSTILE}`,
    name: `name ${HOSTILE}`,
    parentName: `parent ${HOSTILE}`,
    stack: [{ id: 'typescript', label: `TS ${HOSTILE}`, kind: 'language' }],
    git: { branch: `branch ${HOSTILE}`, changed: 0, ahead: null, behind: null, error: null },
  });
}
