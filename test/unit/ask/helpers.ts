import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AskAnswer, AskFilter, AskProject, EnvProfileName, IssueCategory } from '../../../language-server/ask/askTypes';

/** One line of test/fixtures/ask/phrasings.json: a sentence and what it must be understood as. */
export interface Phrasing {
  text: string;
  intent: string;
  projects?: string[];
  all?: boolean;
  filters?: AskFilter[];
  category?: IssueCategory;
  profile?: EnvProfileName;
  candidates?: string[];
  needsProject?: boolean;
}

export interface AskFixture {
  projects: AskProject[];
  phrasings: Phrasing[];
  nonsense: string[];
}

export const HOME = '/home/dev';

export function askFixture(): AskFixture {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/ask/phrasings.json'), 'utf8')) as AskFixture;
}

/** What the answer says, in the fixture's terms, so that a miss prints as one comparable line. */
export function asPhrasing(text: string, answer: AskAnswer): Phrasing {
  if (answer.intent === 'unknown') return { text, intent: 'unknown' };
  const s = answer.slots;
  return {
    text,
    intent: answer.intent,
    ...(s.projects.length > 0 ? { projects: s.projects.map((p) => p.name) } : {}),
    ...(s.all ? { all: true } : {}),
    ...(s.filters.length > 0 ? { filters: sortFilters(s.filters) } : {}),
    ...(s.category ? { category: s.category } : {}),
    ...(s.profile ? { profile: s.profile } : {}),
    ...(answer.candidates ? { candidates: answer.candidates.map((c) => c.name).sort() } : {}),
    ...(answer.needsProject ? { needsProject: true } : {}),
  };
}

export function normalized(p: Phrasing): Phrasing {
  return {
    text: p.text,
    intent: p.intent,
    ...(p.projects?.length ? { projects: p.projects } : {}),
    ...(p.all ? { all: true } : {}),
    ...(p.filters?.length ? { filters: sortFilters(p.filters) } : {}),
    ...(p.category ? { category: p.category } : {}),
    ...(p.profile ? { profile: p.profile } : {}),
    ...(p.candidates ? { candidates: [...p.candidates].sort() } : {}),
    ...(p.needsProject ? { needsProject: true } : {}),
  };
}

function sortFilters(filters: readonly AskFilter[]): AskFilter[] {
  return [...filters].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
