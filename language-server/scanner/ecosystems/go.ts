import type { Dependency } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { dependency } from './values';

export const goDetector: Detector = {
  id: 'go',
  applies: (names) => names.has('go.mod') || names.has('go.work'),
  async detect(ctx) {
    if (!ctx.names.has('go.mod')) return { languages: ['go'], packageManagers: ['go'] };
    const text = await ctx.text('go.mod');
    const dependencies = text === undefined ? [] : parseGoMod(text);
    return {
      languages: ['go'],
      packageManagers: ['go'],
      frameworks: frameworksFor('go', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path('go.mod'), kind: 'go.mod', dependencies }],
    };
  },
};

/**
 * `require` lines and blocks. Indirect requirements (`// indirect`) are listed as runtime too: Go records them in
 * go.mod because the build needs them, and the model has no separate kind for transitive pins.
 */
export function parseGoMod(text: string): Dependency[] {
  const out: Dependency[] = [];
  let inBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock && line.startsWith(')')) inBlock = false;
    else if (/^require\s*\($/.test(line)) inBlock = true;
    else if (inBlock || line.startsWith('require ')) pushRequirement(out, inBlock ? line : line.slice('require '.length));
  }
  return out;
}

function pushRequirement(out: Dependency[], spec: string): void {
  const [path, version] = spec.trim().split(/\s+/);
  if (path && version) out.push(dependency(path.replace(/^"|"$/g, ''), version, 'runtime'));
}
