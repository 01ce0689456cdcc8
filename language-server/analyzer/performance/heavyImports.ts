import type ts from 'typescript';
import { typescript } from '../source';
import type { AnalyzerFinding, TextFix } from '../types';
import type { ModuleBinding } from './bindings';
import { HEAVY_PACKAGES, WHOLE_LIBRARY_MEMBERS } from './heavyPackages';
import type { HeavyPackage } from './heavyPackages';
import { lodashFix } from './lodashFix';
import type { ReferenceCollector } from './references';
import { performanceFinding } from './report';

export interface HeavyImportOptions {
  /** Version or range of the project's direct dependencies, by name: decides whether a fix is safe. */
  dependencyVersions?: Readonly<Record<string, string>>;
}

/** One finding per import statement of a heavy package that is used lightly (see HEAVY_PACKAGES). */
export function checkHeavyImports(bindings: readonly ModuleBinding[], refs: ReferenceCollector, source: ts.SourceFile, path: string, options: HeavyImportOptions): AnalyzerFinding[] {
  const out: AnalyzerFinding[] = [];
  for (const [statement, group] of byStatement(bindings)) {
    const module = group[0]?.module ?? '';
    const heavy = Object.hasOwn(HEAVY_PACKAGES, module) ? HEAVY_PACKAGES[module] : undefined;
    const finding = heavy && checkStatement(statement, group, heavy, refs, source, path, options);
    if (finding) out.push(finding);
  }
  return out;
}

function byStatement(bindings: readonly ModuleBinding[]): Map<ts.Statement, ModuleBinding[]> {
  const groups = new Map<ts.Statement, ModuleBinding[]>();
  for (const b of bindings) groups.set(b.statement, [...(groups.get(b.statement) ?? []), b]);
  return groups;
}

function checkStatement(statement: ts.Statement, group: ModuleBinding[], heavy: HeavyPackage, refs: ReferenceCollector, source: ts.SourceFile, path: string, options: HeavyImportOptions): AnalyzerFinding | null {
  const module = group[0]?.module ?? '';
  const data = { package: module };
  if (heavy.when === 'any') return performanceFinding('performance/heavy-import', source, path, statement, `${module}: ${heavy.advice}.`, { data });
  if (heavy.when === 'namespace') {
    if (!group.some((b) => b.member === null && isNamespaceLike(statement))) return null;
    return performanceFinding('performance/heavy-import', source, path, statement, `${module}: ${heavy.advice}.`, { data });
  }
  const members = membersUsed(group, refs);
  if (!members || members.length === 0 || members.length > 2) return null;
  const message = `All of ${module} is loaded for ${members.join(' and ')}; ${heavy.advice}.`;
  const fix = module === 'lodash' && isLodash4(options) ? lodashFixFor(group, refs, source) : null;
  return performanceFinding('performance/heavy-import', source, path, statement, message, { data, ...(fix ? { fix } : {}) });
}

/** `import * as x`, a default import or a whole require: all of the package under one name. */
function isNamespaceLike(statement: ts.Statement): boolean {
  const t = typescript();
  if (!t.isImportDeclaration(statement)) return true;
  const clause = statement.importClause;
  return clause?.name !== undefined || (clause?.namedBindings !== undefined && t.isNamespaceImport(clause.namedBindings));
}

/**
 * The distinct members a statement's bindings are used for, or null when the package is used as a whole
 * somewhere (called itself, passed along, a chaining member) and so cannot be cut down.
 */
function membersUsed(group: readonly ModuleBinding[], refs: ReferenceCollector): string[] | null {
  const t = typescript();
  const members = new Set<string>();
  for (const b of group) {
    if (b.local === '' || refs.isShadowed(b.local)) return null;
    if (b.member !== null) {
      if (refs.references(b.local).length > 0) members.add(b.member);
      continue;
    }
    for (const use of refs.references(b.local)) {
      const access = use.node.parent;
      if (!t.isPropertyAccessExpression(access) || access.expression !== use.node || WHOLE_LIBRARY_MEMBERS.has(access.name.text)) return null;
      members.add(access.name.text);
    }
  }
  return [...members];
}

function lodashFixFor(group: readonly ModuleBinding[], refs: ReferenceCollector, source: ts.SourceFile): TextFix | null {
  const uses = group.flatMap((b) => refs.references(b.local));
  return lodashFix(group, uses, source);
}

/** The project's lodash is 4.x: a locked version or a range whose lowest version is 4.x. */
function isLodash4(options: HeavyImportOptions): boolean {
  const version = options.dependencyVersions?.lodash;
  return version !== undefined && /^\s*[~^=v]*\s*4\.\d+/.test(version) && !/[|<>*x]|\s-\s/i.test(version);
}
