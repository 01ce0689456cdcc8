import type { Manifest } from '../../model';
import { normalisePythonName } from '../../scanner/ecosystems/frameworks';

/** Registries whose package names rules compare; package.json and deno.json share npm's names. */
export type DepEcosystem = 'npm' | 'pypi' | 'cargo' | 'go' | 'pub' | 'rubygems' | 'packagist' | 'maven' | 'nuget' | 'hex' | 'swift';

const ECOSYSTEM_OF_KIND: Readonly<Record<string, DepEcosystem>> = {
  'package.json': 'npm', 'deno.json': 'npm', 'pyproject.toml': 'pypi', 'requirements.txt': 'pypi', Pipfile: 'pypi',
  'setup.py': 'pypi', 'setup.cfg': 'pypi', 'Cargo.toml': 'cargo', 'go.mod': 'go', 'pubspec.yaml': 'pub',
  Gemfile: 'rubygems', 'composer.json': 'packagist', 'pom.xml': 'maven', 'build.gradle': 'maven',
  'build.gradle.kts': 'maven', 'mix.exs': 'hex', 'Package.swift': 'swift',
};

/** `runtime`: what the running program loads (runtime and optional); `any` adds dev, peer and build. */
export type DepScope = 'runtime' | 'any';

export interface DepMatch {
  name: string;
  /** The manifest's file name, for evidence. */
  manifest: string;
  scope: DepScope;
}

/** A project's declared dependencies by registry, so `rocket` on crates.io is not `rocket` on npm. */
export class DepIndex {
  private readonly entries: Array<{ eco: DepEcosystem; name: string; runtime: boolean; manifest: string }> = [];

  constructor(manifests: readonly Manifest[]) {
    for (const m of manifests) {
      const eco = ecosystemOf(m.kind);
      if (!eco) continue;
      const manifest = m.path.split(/[\\/]/).pop() ?? m.kind;
      for (const d of m.dependencies) {
        this.entries.push({ eco, name: normalise(eco, d.name), runtime: d.kind === 'runtime' || d.kind === 'optional', manifest });
      }
    }
  }

  /** The first of `names` the project depends on; a name ending in `*` matches by prefix. */
  find(eco: DepEcosystem, names: readonly string[], scope: DepScope): DepMatch | null {
    for (const wanted of names) {
      const w = normalise(eco, wanted);
      const hit = this.entries.find((e) => e.eco === eco && (scope === 'any' || e.runtime) && matches(e.name, w));
      if (hit) return { name: hit.name, manifest: hit.manifest, scope };
    }
    return null;
  }
}

function ecosystemOf(kind: string): DepEcosystem | undefined {
  if (/\.(cs|fs|vb)proj$/.test(kind)) return 'nuget';
  return ECOSYSTEM_OF_KIND[kind];
}

function matches(name: string, wanted: string): boolean {
  return wanted.endsWith('*') ? name.startsWith(wanted.slice(0, -1)) : name === wanted;
}

function normalise(eco: DepEcosystem, name: string): string {
  if (eco === 'pypi') return normalisePythonName(name);
  return eco === 'nuget' || eco === 'rubygems' ? name.toLowerCase() : name;
}

/** A parsed document and the project-relative file it came from. */
export interface Doc {
  file: string;
  doc: Record<string, unknown>;
}

/** Everything the rules look at, read once per project. */
export interface ClassifyFacts {
  /** Absolute path of the project folder. */
  dir: string;
  /** Entry names at the project's top level. */
  names: ReadonlySet<string>;
  /** Project-relative paths (with `/`) of the probed files and folders below the top level that exist. */
  paths: ReadonlySet<string>;
  frameworks: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  deps: DepIndex;
  packageJson: Doc | null;
  cargo: Doc | null;
  pyproject: Doc | null;
  /** A WebExtension manifest (has `manifest_version`), wherever the usual layouts keep it. */
  webManifest: Doc | null;
  /** Project-relative paths of Jupyter notebooks found within a few levels (at most a handful). */
  notebooks: string[];
  /** Text of small source files some rules look into (`setup.py`), by project-relative path. */
  texts: ReadonlyMap<string, string>;
}
