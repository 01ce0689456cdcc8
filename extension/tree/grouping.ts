import path from 'node:path';
import type { Project } from '../../language-server/model';
import { displayName } from './labels';
import type { GroupNode } from './nodes';

export type GroupBy = 'stack' | 'folder' | 'gitState' | 'flat';

export const GROUP_BY_VALUES: readonly GroupBy[] = ['stack', 'folder', 'gitState', 'flat'];

/** Top-level projects only: monorepo members are shown under their monorepo. Null for `flat`. */
export function groupProjects(projects: readonly Project[], by: GroupBy): GroupNode[] | null {
  const top = projects.filter((p) => p.parent === null);
  if (by === 'flat') return null;
  const keyOf = by === 'stack' ? stackGroup : by === 'folder' ? folderGroup : gitGroup;
  const groups = new Map<string, Project[]>();
  for (const p of top) {
    const key = keyOf(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => groupOrder(a, by) - groupOrder(b, by) || a.localeCompare(b))
    .map(([label, list]) => ({ kind: 'group', id: `group:${by}:${label}`, label, projects: list }));
}

/** Languages listed alphabetically; the one a project is "in" is the most specific (a Django app with some JS is Python). */
const PRIMARY = ['typescript', 'rust', 'go', 'python', 'kotlin', 'java', 'csharp', 'fsharp', 'ruby', 'php', 'dart', 'elixir', 'swift', 'cpp', 'c', 'javascript'];

export function primaryLanguage(p: Project): string | undefined {
  const langs = p.stack.languages;
  return PRIMARY.find((l) => langs.includes(l)) ?? langs[0];
}

function stackGroup(p: Project): string {
  const language = primaryLanguage(p);
  if (language) return displayName(language);
  return p.stack.frameworks.includes('docker') ? 'Docker' : 'Other';
}

function folderGroup(p: Project): string {
  const rel = path.relative(p.root, path.dirname(p.path));
  const base = path.basename(p.root);
  return rel === '' ? base : `${base}/${rel.split(path.sep).join('/')}`;
}

const GIT_GROUPS = ['Uncommitted changes', 'Not pushed or not pulled', 'Clean', 'Git errors', 'Not a git repository'];

function gitGroup(p: Project): string {
  const git = p.git;
  if (!git) return 'Not a git repository';
  if (git.error) return 'Git errors';
  if (git.dirty) return 'Uncommitted changes';
  if (git.ahead || git.behind) return 'Not pushed or not pulled';
  return 'Clean';
}

function groupOrder(label: string, by: GroupBy): number {
  if (by === 'gitState') return GIT_GROUPS.indexOf(label);
  return label === 'Other' ? 1 : 0;
}
