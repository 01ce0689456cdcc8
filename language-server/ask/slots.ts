import type { AskFilter, EnvProfileName, IssueCategory } from './askTypes';
import { NUMBER_WORDS } from './normalize';

/**
 * The slots besides projects, read from the sentence's words (project mentions already replaced by `@p`):
 * "all", filters over projects, a finding category, an .env profile. Each is a fixed enum or a number.
 */

/** What "stale" means without a number: the advisor's "no commit for half a year". */
export const DEFAULT_STALE_DAYS = 180;

/** Words for a stack, as the scanner names languages, frameworks and package managers. */
export const STACK_WORDS: Readonly<Record<string, string>> = {
  python: 'python', py: 'python', rust: 'rust', go: 'go', golang: 'go', java: 'java', kotlin: 'kotlin', swift: 'swift',
  ruby: 'ruby', php: 'php', dart: 'dart', elixir: 'elixir', typescript: 'typescript', ts: 'typescript',
  javascript: 'javascript', js: 'javascript', node: 'node', nodejs: 'node', deno: 'deno', 'c#': 'csharp', csharp: 'csharp',
  dotnet: 'csharp', '.net': 'csharp', 'c++': 'cpp', cpp: 'cpp', react: 'react', vue: 'vue', angular: 'angular',
  svelte: 'svelte', next: 'next', nextjs: 'next', nuxt: 'nuxt', express: 'express', django: 'django', flask: 'flask',
  fastapi: 'fastapi', rails: 'rails', laravel: 'laravel', spring: 'spring', flutter: 'flutter', electron: 'electron',
  docker: 'docker',
};

const STACK_NOUNS = '(projects?|apps?|repos?|repositories|code ?bases?|services?|ones|stuff|sites?|things)';
/** "go" and "next" are verbs far more often than stacks: only "go projects", "written in go". */
const NEEDS_NOUN = new Set(['go', 'next', 'node', 'spring', 'express', 'docker']);

const ALL_WORDS = /\b(all|every|everything|everywhere|each)\b/;
const PLURAL_PROJECTS = /\b(projects|apps|repos|repositories|ones)\b/;

/** "all", "everything"; or "projects" with a filter ("projects with uncommitted work") or as what a verb acts on ("back up my projects"). */
export function readAll(text: string, filters: readonly AskFilter[], pluralMeansAll = false): boolean {
  return ALL_WORDS.test(text) || ((filters.length > 0 || pluralMeansAll) && PLURAL_PROJECTS.test(text));
}

export function readFilters(words: readonly string[], text: string): AskFilter[] {
  const filters: AskFilter[] = [];
  if (/\b(uncommitted|dirty|unsaved|not (been )?committed|local changes|pending changes|work in progress|wip|with (any )?changes|modified)\b/.test(text)) filters.push({ kind: 'dirty' });
  if (/\b(unpushed|not (been )?pushed|ahead of (the )?(remote|origin|upstream))\b/.test(text)) filters.push({ kind: 'unpushed' });
  const stale = readStale(text);
  if (stale !== null) filters.push({ kind: 'stale', days: stale });
  for (const stack of readStacks(words, text)) filters.push({ kind: 'stack', stack });
  if (/\brunning\b/.test(text)) filters.push({ kind: 'running' });
  if (/\b(crashed|crashing|that crash|failed|died)\b/.test(text)) filters.push({ kind: 'crashed' });
  return filters;
}

const STALE_CUE = /\b(stale|abandoned|inactive|dormant|untouched|neglected|forgotten|old (projects|ones|stuff|repos)|in a while|for a while|not (been |i |we |you )?(touched|worked on|updated|changed|committed|used|opened)|no (commits?|activity|changes))\b/;
const DURATION = /\b(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s?\b/;
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365 };

/** "not touched in 6 months" → 180; "stale" alone → the default; no cue → null. */
function readStale(text: string): number | null {
  if (!STALE_CUE.test(text)) return null;
  const m = DURATION.exec(text);
  if (!m) return DEFAULT_STALE_DAYS;
  const count = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS[m[1] as string] ?? 1);
  return Math.max(1, Math.min(count * (UNIT_DAYS[m[2] as string] ?? 30), 36_500));
}

function readStacks(words: readonly string[], text: string): string[] {
  const found = new Set<string>();
  words.forEach((word, i) => {
    const stack = STACK_WORDS[word];
    if (stack === undefined) return;
    const next = words[i + 1] ?? '';
    const before = words.slice(Math.max(0, i - 2), i).join(' ');
    const hasNoun = new RegExp(`^${STACK_NOUNS}$`).test(next);
    const written = /\b(in|with|using|on)$/.test(before) && /\b(written|built|made|coded|done)\b/.test(before + ' ' + text);
    if (hasNoun || written || (!NEEDS_NOUN.has(word) && /^(projects?|apps?)?$/.test(next) && /\bprojects?\b|\b(which|what|list|show)\b/.test(text))) found.add(stack);
  });
  return [...found];
}

export function readCategory(text: string): IssueCategory | undefined {
  if (/\b(security|secure|insecure|vulnerab\w*|vulns?|cves?|secrets?|leak\w*|exploit\w*)\b/.test(text)) return 'security';
  if (/\b(performance|perf|slow|slowness|speed)\b/.test(text)) return 'performance';
  if (/\b(tech|technical) debt\b|\bdebt\b/.test(text)) return 'debt';
  if (/\b(quality|complexity|complex|lint|maintainab\w*|smells?)\b/.test(text)) return 'quality';
  return undefined;
}

const PROFILE_WORDS: Readonly<Record<string, EnvProfileName>> = {
  development: 'development', dev: 'development', staging: 'staging', stage: 'staging',
  production: 'production', prod: 'production', test: 'test', testing: 'test',
};

/** "with the staging profile", "in production", "staging env": a profile; "the dev server" is not one. */
export function readProfile(text: string): EnvProfileName | undefined {
  const m = /\b(development|dev|staging|stage|production|prod|testing|test) (profile|env|environment|settings|config|mode)\b/.exec(text)
    ?? /\b(with|in|using|on|for) (the )?(development|dev|staging|stage|production|prod|testing|test)( profile| env| environment)?$/.exec(text)
    ?? /\b(with|using) (the )?(development|dev|staging|stage|production|prod|testing|test)\b/.exec(text);
  if (!m) return undefined;
  const word = [...m].slice(1).find((g) => g !== undefined && Object.hasOwn(PROFILE_WORDS, g.trim()));
  return word === undefined ? undefined : PROFILE_WORDS[word.trim()];
}
