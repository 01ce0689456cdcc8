import type { Dependency, DependencyKind } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { at, dependency, isRecord, rangeFromTable, scalarText } from './values';

export const dartDetector: Detector = {
  id: 'dart',
  applies: (names) => names.has('pubspec.yaml'),
  async detect(ctx) {
    const doc = await ctx.yaml('pubspec.yaml');
    const dependencies = [...pubSection(doc?.dependencies, 'runtime'), ...pubSection(doc?.dev_dependencies, 'dev')];
    const flutterSdk = at(doc, 'environment', 'flutter') !== undefined;
    const signals = [...dependencies.map((d) => d.name), ...(flutterSdk ? ['sdk:flutter'] : [])];
    return {
      languages: ['dart'],
      packageManagers: ['pub'],
      frameworks: frameworksFor('pub', signals),
      manifests: [{ path: ctx.path('pubspec.yaml'), kind: 'pubspec.yaml', dependencies }],
    };
  },
};

/** `name: ^1.0.0`, `name:` (any), or a table: `{ sdk: flutter }`, `{ path: ../x }`, `{ git: ... }`, `{ hosted: ..., version: ... }`. */
function pubSection(section: unknown, kind: DependencyKind): Dependency[] {
  if (!isRecord(section)) return [];
  return Object.entries(section).map(([name, spec]) => {
    if (isRecord(spec)) return dependency(name, rangeFromTable(spec), kind);
    return dependency(name, scalarText(spec), kind);
  });
}
