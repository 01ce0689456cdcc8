import type { DetectContext } from '../../scanner/ecosystems/detector';
import { portFromCommand } from './ports';
import type { Found } from './types';

const MAKEFILES: readonly string[] = ['GNUmakefile', 'makefile', 'Makefile'];

/** `run:` as a rule, not `run := x` (a variable) or `run::` (allowed, double-colon rule). */
const RUN_RULE = /^run\s*::?(?!=)(.*)$/;

/** `make run` when a Makefile has a `run` target; the recipe is read only for the port. */
export async function makefileCandidates(ctx: DetectContext): Promise<Found[]> {
  const name = MAKEFILES.find((n) => ctx.names.has(n));
  if (!name) return [];
  const text = await ctx.text(name);
  const recipe = text === undefined ? undefined : runRecipe(text);
  if (recipe === undefined) return [];
  const expectedPort = portFromCommand(recipe);
  return [{ id: 'make#run', label: 'make run', command: 'make run', source: 'Makefile run', kind: 'process', ...(expectedPort ? { expectedPort } : {}) }];
}

/** The recipe lines (tab-indented) under `run:`, joined; undefined when there is no such target. */
export function runRecipe(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => RUN_RULE.test(line));
  if (start < 0) return undefined;
  const recipe: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('\t')) break;
    recipe.push(line.trim());
  }
  return recipe.join('\n');
}

/** Procfile `web:`: the command a platform runs for the web process, which is also how to run it here. */
export async function procfileCandidates(ctx: DetectContext): Promise<Found[]> {
  if (!ctx.names.has('Procfile')) return [];
  const text = await ctx.text('Procfile');
  const command = text === undefined ? undefined : procfileWeb(text);
  if (!command) return [];
  const expectedPort = portFromCommand(command);
  return [{ id: 'procfile#web', label: `${command} (Procfile web)`, command, source: 'Procfile web', kind: 'process', ...(expectedPort ? { expectedPort } : {}) }];
}

export function procfileWeb(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /^web\s*:\s*(.+)$/.exec(line.trim());
    if (match?.[1]) return match[1].trim();
  }
  return undefined;
}
