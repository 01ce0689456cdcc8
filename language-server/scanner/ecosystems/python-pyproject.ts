import type { Dependency, DependencyKind } from '../../model';
import { pep508List } from './python-requirements';
import { asRecord, asString, at, dependency, isRecord, rangeFromTable, scalarText } from './values';

/**
 * pyproject.toml dependencies from every tool that keeps them there: PEP 621 `[project]`, PEP 735
 * `[dependency-groups]`, Poetry, uv and PDM. Groups and dev-dependency tables are `dev`; extras are `optional`;
 * `[build-system] requires` is `build`.
 */
export function pyprojectDependencies(doc: Record<string, unknown>): Dependency[] {
  return [
    ...pep508List(at(doc, 'project', 'dependencies'), 'runtime'),
    ...groupLists(at(doc, 'project', 'optional-dependencies'), 'optional'),
    ...groupLists(doc['dependency-groups'], 'dev'),
    ...pep508List(at(doc, 'tool', 'uv', 'dev-dependencies'), 'dev'),
    ...groupLists(at(doc, 'tool', 'pdm', 'dev-dependencies'), 'dev'),
    ...poetryDependencies(asRecord(at(doc, 'tool', 'poetry'))),
    ...pep508List(at(doc, 'build-system', 'requires'), 'build'),
  ];
}

/** `{ group: [pep508...] }`; PEP 735 `{ include-group = ... }` entries are not requirements and are skipped. */
function groupLists(groups: unknown, kind: DependencyKind): Dependency[] {
  return isRecord(groups) ? Object.values(groups).flatMap((list) => pep508List(list, kind)) : [];
}

function poetryDependencies(poetry: Record<string, unknown> | undefined): Dependency[] {
  if (!poetry) return [];
  const groups = asRecord(poetry.group) ?? {};
  return [
    ...poetryTable(poetry.dependencies, 'runtime'),
    ...poetryTable(poetry['dev-dependencies'], 'dev'),
    ...Object.values(groups).flatMap((group) => poetryTable(at(group, 'dependencies'), 'dev')),
  ];
}

/** `python` there is the interpreter constraint, not a package. */
function poetryTable(table: unknown, kind: DependencyKind): Dependency[] {
  if (!isRecord(table)) return [];
  return Object.entries(table).filter(([name]) => name.toLowerCase() !== 'python').map(([name, spec]) => {
    // A list holds alternative constraints for different Python versions; the first is representative.
    const first: unknown = Array.isArray(spec) ? spec[0] : spec;
    if (!isRecord(first)) return dependency(name, scalarText(first), kind);
    return dependency(name, rangeFromTable(first), first.optional === true && kind === 'runtime' ? 'optional' : kind);
  });
}

/** Which tools a pyproject.toml says it is managed or built with. */
export function pyprojectTools(doc: Record<string, unknown>): string[] {
  const backend = asString(at(doc, 'build-system', 'build-backend')) ?? '';
  const tool = asRecord(doc.tool) ?? {};
  const found: string[] = [];
  if ('poetry' in tool || backend.startsWith('poetry')) found.push('poetry');
  if ('uv' in tool || backend.startsWith('uv_build')) found.push('uv');
  if ('pdm' in tool || backend.startsWith('pdm')) found.push('pdm');
  if ('hatch' in tool || backend.startsWith('hatchling')) found.push('hatch');
  if ('flit' in tool || backend.startsWith('flit')) found.push('flit');
  if (backend.startsWith('setuptools') || 'setuptools' in tool) found.push('setuptools');
  return found;
}
