import { createRng, type Rng } from './rng';
import type { Template } from './types';

export interface Author {
  name: string;
  email: string;
  tz: string;
}

export interface CommitPlan {
  subject: string;
  author: Author;
  /** Unix seconds. */
  time: number;
}

export interface GitPlan {
  branch: string;
  user: Author;
  main: CommitPlan[];
  /** Commits on `branch` after main's last one, when branch is not main. */
  feature: CommitPlan[];
  /** Present when the branch tracks a bare repository. */
  upstream: { ahead: number; behind: number; only: CommitPlan[] } | null;
  modified: number;
  untracked: number;
}

export interface ProjectPlan {
  index: number;
  name: string;
  relativePath: string;
  template: Template;
  git: GitPlan | null;
}

interface Role {
  git: boolean;
  nested?: boolean;
  feature?: boolean;
  modified?: number;
  untracked?: number;
  upstream?: [ahead: number, behind: number];
  recent?: boolean;
}

/** The first dozen projects cover every case; later ones are drawn at random. */
const FIXED_ROLES: Role[] = [
  { git: true, upstream: [0, 0], recent: true },
  { git: true },
  { git: true, feature: true, recent: true },
  { git: true, modified: 2, untracked: 1 },
  { git: true, upstream: [2, 0], recent: true },
  { git: true, recent: true },
  { git: false },
  { git: true, upstream: [0, 1] },
  { git: false, nested: true },
  { git: true, feature: true, modified: 1, untracked: 2, recent: true },
  { git: false },
  { git: true, upstream: [1, 2], modified: 1 },
];

export const AUTHORS: readonly Author[] = [
  { name: 'Ada Lovelace', email: 'ada@example.com', tz: '+0000' },
  { name: 'Grace Hopper', email: 'grace@example.org', tz: '-0500' },
  { name: 'Linus Pauling', email: 'linus@example.net', tz: '+0100' },
  { name: 'Margaret Hamilton', email: 'margaret@example.com', tz: '-0400' },
  { name: 'Ken Thompson', email: 'ken@example.org', tz: '-0800' },
  { name: 'Yukihiro Tanaka', email: 'yuki@example.jp', tz: '+0900' },
];

const WORDS = [
  'acorn', 'amber', 'apollo', 'aurora', 'basalt', 'beacon', 'birch', 'cedar', 'cobalt', 'comet', 'coral', 'delta',
  'ember', 'falcon', 'fern', 'flint', 'galaxy', 'garnet', 'glacier', 'harbor', 'hazel', 'horizon', 'indigo', 'jade',
  'juniper', 'kestrel', 'lagoon', 'lantern', 'maple', 'meadow', 'meteor', 'nebula', 'nimbus', 'oak', 'onyx', 'orbit',
  'pebble', 'pine', 'prism', 'quartz', 'raven', 'ridge', 'river', 'saffron', 'sparrow', 'summit', 'tundra', 'velvet',
  'willow', 'zephyr',
];
const CLIENTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
const FEATURES = ['feature/x', 'feature/login', 'feature/search', 'feature/dark-mode', 'feature/billing', 'fix/flaky-tests'];
export const SUBJECTS = [
  'Add CI workflow', 'Fix typo in README', 'Bump dependencies', 'Add health check', 'Refactor config loading',
  'Add unit tests', 'Improve error messages', 'Update docs', 'Handle empty input', 'Add logging', 'Tidy imports',
  'Speed up startup',
];

const DAY = 86_400;

export function planPortfolio(count: number, seed: number, templates: readonly Template[], base: Date): ProjectPlan[] {
  const used = new Set<string>();
  const plans: ProjectPlan[] = [];
  for (let index = 0; index < count; index++) {
    const rng = createRng(seed).fork(`project:${index}`);
    const template = templates[index % templates.length] as Template;
    const role = FIXED_ROLES[index] ?? randomRole(rng.fork('role'));
    const name = uniqueName(rng.fork('name'), template.suffix, used, index);
    const relativePath = role.nested ? `clients/${CLIENTS[Math.floor(index / 12) % CLIENTS.length]}/${name}` : name;
    const git = role.git ? planGit(rng.fork('git'), role, Math.floor(base.getTime() / 1000)) : null;
    plans.push({ index, name, relativePath, template, git });
  }
  return plans;
}

/** The runnable projects' roles: one in sync with its upstream, one with a local change. */
const RUNNABLE_ROLES: Role[] = [
  { git: true, upstream: [0, 0], recent: true },
  { git: true, modified: 1, recent: true },
];

/**
 * Plans for `extras` (projects with fixed names, e.g. the runnable ones), numbered from `first` on: the plans of
 * the first `first` projects are the same with or without them.
 */
export function planExtras(extras: readonly { name: string; template: Template }[], first: number, seed: number, base: Date): ProjectPlan[] {
  return extras.map(({ name, template }, k) => {
    const index = first + k;
    const rng = createRng(seed).fork(`extra:${name}`);
    const role = RUNNABLE_ROLES[k % RUNNABLE_ROLES.length] as Role;
    return { index, name, relativePath: name, template, git: planGit(rng.fork('git'), role, Math.floor(base.getTime() / 1000)) };
  });
}

function randomRole(rng: Rng): Role {
  const upstream = rng.chance(0.3) ? ([rng.pick([0, 0, 1, 2]), rng.pick([0, 0, 1, 2])] as [number, number]) : undefined;
  const dirty = rng.chance(0.2);
  return {
    git: rng.chance(0.95),
    nested: rng.chance(0.03),
    feature: rng.chance(0.2),
    modified: dirty ? rng.int(0, 3) : 0,
    untracked: dirty ? rng.int(1, 2) : 0,
    upstream,
    recent: rng.chance(0.4),
  };
}

/** A word not used yet (while there are some left) and the template's suffix. */
function uniqueName(rng: Rng, suffix: string, used: Set<string>, index: number): string {
  const start = rng.int(0, WORDS.length - 1);
  const free = WORDS.map((_, i) => WORDS[(start + i) % WORDS.length] as string).find((w) => !used.has(w));
  const word = free ?? (WORDS[start] as string);
  used.add(word);
  const name = `${word}-${suffix}`;
  return used.has(name) ? `${name}-${index}` : (used.add(name), name);
}

function planGit(rng: Rng, role: Role, now: number): GitPlan {
  const authors = [rng.pick(AUTHORS), rng.pick(AUTHORS), rng.pick(AUTHORS)];
  const [ahead, behind] = role.upstream ?? [0, 0];
  const mainCount = Math.max(rng.int(2, 6), ahead + 1);
  const featureCount = role.feature ? rng.int(1, 3) : 0;
  const times = headTimes(rng, mainCount + featureCount, role.recent === true, now);
  const commit = (time: number): CommitPlan => ({ subject: rng.pick(SUBJECTS), author: rng.pick(authors), time });
  const head = times.map(commit);
  const lastAge = now - (times[times.length - 1] as number);
  const only = Array.from({ length: behind }, (_, j) => commit(now - Math.round((lastAge * (behind - j)) / (behind + 1))));
  return {
    branch: role.feature ? rng.pick(FEATURES) : 'main',
    user: authors[0] as Author,
    main: head.slice(0, mainCount),
    feature: head.slice(mainCount),
    upstream: role.upstream ? { ahead, behind, only } : null,
    modified: role.modified ?? 0,
    untracked: role.untracked ?? 0,
  };
}

/** Increasing commit times spread between a year and a month ago, or ending within the last 30 days when recent. */
function headTimes(rng: Rng, count: number, recent: boolean, now: number): number[] {
  const start = rng.int(60, 365);
  const end = recent ? rng.int(1, 25) : rng.int(35, Math.min(start - 10, 200));
  const step = (start - end) / Math.max(1, count - 1);
  return Array.from({ length: count }, (_, k) => {
    const jitter = k === 0 || k === count - 1 ? 0 : (rng.next() - 0.5) * step * 0.6;
    const age = start - step * k + jitter;
    return now - Math.round(age * DAY) + rng.int(0, 3600);
  });
}
