import type { Dependency } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { asRecord, dependency } from './values';

const CONFIGS = ['deno.json', 'deno.jsonc'];

export const denoDetector: Detector = {
  id: 'deno',
  applies: (names) => CONFIGS.some((n) => names.has(n)),
  async detect(ctx) {
    const name = CONFIGS.find((n) => ctx.names.has(n)) ?? 'deno.json';
    const config = await ctx.jsonc(name);
    const dependencies = importMapDependencies(asRecord(config?.imports));
    return {
      languages: ['typescript'],
      packageManagers: ['deno'],
      frameworks: frameworksFor('npm', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path(name), kind: 'deno.json', dependencies }],
    };
  },
};

/** Only `npm:` and `jsr:` specifiers name a package and a range; URL imports are left out. */
function importMapDependencies(imports: Record<string, unknown> | undefined): Dependency[] {
  const out: Dependency[] = [];
  for (const specifier of Object.values(imports ?? {})) {
    const match = typeof specifier === 'string' ? /^(?:npm|jsr):(@?[^@]+)(?:@([^/]+))?/.exec(specifier) : null;
    if (match?.[1]) out.push(dependency(match[1], match[2], 'runtime'));
  }
  return out;
}
