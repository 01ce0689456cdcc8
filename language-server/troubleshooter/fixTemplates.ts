import type { Fix, FixTemplate } from './types';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` from the captures; null when one is missing (no half-written command is ever offered). */
export function fill(template: string, captures: Readonly<Record<string, string>>): string | null {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = captures[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : out;
}

/**
 * The entry's fixes with the error's facts filled in, in the entry's order; those the error did not give
 * enough facts for are left out, and so is a second fix with a title already offered.
 */
export function fillFixes(templates: readonly FixTemplate[], captures: Readonly<Record<string, string>>): Fix[] {
  const fixes: Fix[] = [];
  const titles = new Set<string>();
  for (const t of templates) {
    const fix = fillFix(t, captures);
    if (!fix || titles.has(fix.title)) continue;
    titles.add(fix.title);
    fixes.push(fix);
  }
  return fixes;
}

function fillFix(t: FixTemplate, captures: Readonly<Record<string, string>>): Fix | null {
  const title = fill(t.title, captures);
  if (title === null) return null;
  const fix: Fix = { key: `${t.kind}:${t.action ?? t.edit ?? t.command ?? t.title}`, title, kind: t.kind };
  for (const key of ['command', 'action', 'edit', 'guide'] as const) {
    const value = t[key];
    if (value === undefined) continue;
    const filled = fill(value, captures);
    if (filled === null) return null;
    fix[key] = filled;
  }
  if (t.links) fix.links = [...t.links];
  return fix;
}
