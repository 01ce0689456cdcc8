import type { Dependency } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { dependency } from './values';

export const swiftDetector: Detector = {
  id: 'swift',
  applies: (names) => names.has('Package.swift'),
  async detect(ctx) {
    const text = await ctx.text('Package.swift');
    const dependencies = text === undefined ? [] : parsePackageSwift(text);
    return {
      languages: ['swift'],
      packageManagers: ['swiftpm'],
      frameworks: frameworksFor('swift', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path('Package.swift'), kind: 'Package.swift', dependencies }],
    };
  },
};

/**
 * `.package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")` → `vapor`, `from: 4.0.0`. The name is the
 * package identity SwiftPM derives from the URL (last path part, lowercased), which Package.resolved also uses.
 */
export function parsePackageSwift(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (let at = text.indexOf('.package('); at >= 0; at = text.indexOf('.package(', at + 1)) {
    const args = balancedArgs(text, at + '.package('.length);
    const location = /\b(url|path):\s*"([^"]+)"/.exec(args);
    if (!location?.[2]) continue;
    const identity = location[2].replace(/\/+$/, '').split('/').pop()?.replace(/\.git$/, '').toLowerCase() ?? location[2];
    const requirement = args.slice((location.index ?? 0) + location[0].length).replace(/^\s*,/, '').replace(/"/g, '').replace(/\s+/g, ' ').trim();
    out.push(dependency(identity, location[1] === 'path' ? `path:${location[2]}` : requirement, 'runtime'));
  }
  return out;
}

function balancedArgs(text: string, from: number): string {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}
