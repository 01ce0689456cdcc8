import type { Dependency, DependencyKind } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { dependency } from './values';

export const elixirDetector: Detector = {
  id: 'elixir',
  applies: (names) => names.has('mix.exs'),
  async detect(ctx) {
    const text = await ctx.text('mix.exs');
    const dependencies = text === undefined ? [] : parseMixDeps(text);
    return {
      languages: ['elixir'],
      packageManagers: ['mix'],
      frameworks: frameworksFor('hex', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path('mix.exs'), kind: 'mix.exs', dependencies }],
    };
  },
};

/**
 * Dependency tuples `{:name, "~> 1.0", only: :test}` inside `defp deps` (or anywhere, if there is no such
 * function). mix.exs is Elixir code, so this is best effort: computed lists are not seen.
 */
export function parseMixDeps(text: string): Dependency[] {
  const start = text.search(/defp?\s+deps\b/);
  const body = start < 0 ? text : text.slice(start, nextFunction(text, start));
  return [...body.matchAll(/\{\s*:(\w+)\s*,([^{}]*)\}/g)].map((m) => tupleDependency(m[1] ?? '', m[2] ?? ''));
}

function nextFunction(text: string, start: number): number {
  const next = text.slice(start + 4).search(/\n\s*defp?\s/);
  return next < 0 ? text.length : start + 4 + next;
}

function tupleDependency(name: string, rest: string): Dependency {
  const version = /^\s*"([^"]*)"/.exec(rest)?.[1];
  const source = /\b(git|github|path):\s*"([^"]*)"/.exec(rest);
  const range = version ?? (source ? `${source[1]}:${source[2]}` : /in_umbrella:\s*true/.test(rest) ? 'umbrella' : undefined);
  return dependency(name, range, kindOf(rest));
}

/** `only: [:dev, :test]` without `:prod` is tooling; `runtime: false` alone is a build-time tool. */
function kindOf(rest: string): DependencyKind {
  const only = /only:\s*(\[[^\]]*\]|:\w+)/.exec(rest)?.[1];
  if (only && !only.includes(':prod')) return 'dev';
  if (/optional:\s*true/.test(rest)) return 'optional';
  return /runtime:\s*false/.test(rest) ? 'build' : 'runtime';
}
