import type { Dependency, DependencyKind } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { asString, dependency, isRecord, rangeFromTable, scalarText } from './values';

const TABLES: readonly (readonly [string, DependencyKind])[] = [
  ['dependencies', 'runtime'], ['dev-dependencies', 'dev'], ['dev_dependencies', 'dev'],
  ['build-dependencies', 'build'], ['build_dependencies', 'build'],
];

export const rustDetector: Detector = {
  id: 'rust',
  applies: (names) => names.has('Cargo.toml'),
  async detect(ctx) {
    const doc = await ctx.toml('Cargo.toml');
    const dependencies = doc ? cargoDependencies(doc) : [];
    return {
      languages: ['rust'],
      packageManagers: ['cargo'],
      frameworks: frameworksFor('cargo', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path('Cargo.toml'), kind: 'Cargo.toml', dependencies }],
    };
  },
};

/**
 * Top-level and `[target.'cfg(...)'.*]` dependency tables. `[workspace.dependencies]` is left out: it only offers
 * versions to members, which list what they use with `workspace = true` (range `workspace`).
 */
export function cargoDependencies(doc: Record<string, unknown>): Dependency[] {
  const scopes = [doc, ...(isRecord(doc.target) ? Object.values(doc.target) : [])];
  return scopes.flatMap((scope) => TABLES.flatMap(([table, kind]) => cargoTable(isRecord(scope) ? scope[table] : undefined, kind)));
}

/** A renamed dependency (`json = { package = "serde_json" }`) is listed under the crate it really is. */
function cargoTable(table: unknown, kind: DependencyKind): Dependency[] {
  if (!isRecord(table)) return [];
  return Object.entries(table).map(([key, spec]) => {
    if (!isRecord(spec)) return dependency(key, scalarText(spec), kind);
    const name = asString(spec.package) ?? key;
    return dependency(name, rangeFromTable(spec), spec.optional === true && kind === 'runtime' ? 'optional' : kind);
  });
}
