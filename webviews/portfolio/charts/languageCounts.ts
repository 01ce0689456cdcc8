import type { ProjectCard } from '../protocol';

export interface LanguageCount {
  id: string;
  label: string;
  projects: number;
}

/** Bars past this are summed into "Other": a long tail of one-project languages says little. */
export const TOP_LANGUAGES = 8;

/** Projects per language (a project with two languages counts for both), the most used first. */
export function languageCounts(cards: readonly ProjectCard[]): { rows: LanguageCount[]; other: number; without: number } {
  const byId = new Map<string, LanguageCount>();
  let without = 0;
  for (const c of cards) {
    const languages = c.stack.filter((t) => t.kind === 'language');
    if (languages.length === 0) without++;
    for (const t of languages) {
      const held = byId.get(t.id);
      if (held) held.projects++;
      else byId.set(t.id, { id: t.id, label: t.label, projects: 1 });
    }
  }
  const all = [...byId.values()].sort((a, b) => b.projects - a.projects || a.label.localeCompare(b.label));
  const other = all.slice(TOP_LANGUAGES).reduce((sum, r) => sum + r.projects, 0);
  return { rows: all.slice(0, TOP_LANGUAGES), other, without };
}
