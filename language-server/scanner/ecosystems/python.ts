import type { Manifest } from '../../model';
import type { DetectContext, Detector } from './detector';
import { frameworksFor } from './frameworks';
import { pyprojectDependencies, pyprojectTools } from './python-pyproject';
import { parseRequirements, parseSetupCfg, parseSetupPy, requirementsKind } from './python-requirements';
import { dependenciesFromMap, sortedUnique } from './values';

const REQUIREMENTS = /^requirements.*\.txt$|^(dev|test)-requirements\.txt$/;
const FILES = ['pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg'];

/** Lockfiles say which tool resolves the project even when the manifest does not. */
const LOCK_TOOLS: readonly (readonly [string, string])[] = [
  ['poetry.lock', 'poetry'], ['uv.lock', 'uv'], ['pdm.lock', 'pdm'], ['Pipfile.lock', 'pipenv'],
];

export const pythonDetector: Detector = {
  id: 'python',
  applies: (names) => FILES.some((f) => names.has(f)) || [...names].some((n) => REQUIREMENTS.test(n)),
  async detect(ctx) {
    const requirementFiles = [...ctx.names].filter((n) => REQUIREMENTS.test(n)).sort();
    const manifests = (await Promise.all([
      ...requirementFiles.map((name) => requirementsManifest(ctx, name)),
      pyprojectManifest(ctx), pipfileManifest(ctx), textManifest(ctx, 'setup.py', parseSetupPy), textManifest(ctx, 'setup.cfg', parseSetupCfg),
    ])).filter((m): m is Manifest => m !== undefined);
    const pyproject = ctx.parsed.get('pyproject.toml') as Record<string, unknown> | undefined;
    return {
      languages: ['python'],
      frameworks: frameworksFor('pypi', manifests.flatMap((m) => m.dependencies.map((d) => d.name))),
      packageManagers: managers(ctx, pyproject, requirementFiles.length > 0),
      manifests,
    };
  },
};

async function requirementsManifest(ctx: DetectContext, name: string): Promise<Manifest | undefined> {
  const text = await ctx.text(name);
  return { path: ctx.path(name), kind: 'requirements.txt', dependencies: text === undefined ? [] : parseRequirements(text, requirementsKind(name)) };
}

async function pyprojectManifest(ctx: DetectContext): Promise<Manifest | undefined> {
  if (!ctx.names.has('pyproject.toml')) return undefined;
  const doc = await ctx.toml('pyproject.toml');
  return { path: ctx.path('pyproject.toml'), kind: 'pyproject.toml', dependencies: doc ? pyprojectDependencies(doc) : [] };
}

async function pipfileManifest(ctx: DetectContext): Promise<Manifest | undefined> {
  if (!ctx.names.has('Pipfile')) return undefined;
  const doc = await ctx.toml('Pipfile');
  const dependencies = [...dependenciesFromMap(doc?.packages, 'runtime'), ...dependenciesFromMap(doc?.['dev-packages'], 'dev')];
  return { path: ctx.path('Pipfile'), kind: 'Pipfile', dependencies };
}

async function textManifest(ctx: DetectContext, name: string, parse: typeof parseSetupPy): Promise<Manifest | undefined> {
  if (!ctx.names.has(name)) return undefined;
  const text = await ctx.text(name);
  return { path: ctx.path(name), kind: name, dependencies: text === undefined ? [] : parse(text) };
}

/** pip stands in when nothing names another tool: requirements files, or a bare PEP 621 project. */
function managers(ctx: DetectContext, pyproject: Record<string, unknown> | undefined, hasRequirements: boolean): string[] {
  const found = [
    ...(pyproject ? pyprojectTools(pyproject) : []),
    ...LOCK_TOOLS.filter(([file]) => ctx.names.has(file)).map(([, tool]) => tool),
    ...(ctx.names.has('Pipfile') ? ['pipenv'] : []),
    ...(ctx.names.has('setup.py') || ctx.names.has('setup.cfg') ? ['setuptools'] : []),
  ];
  const installers = found.filter((t) => t !== 'setuptools' && t !== 'hatch' && t !== 'flit');
  return sortedUnique(hasRequirements || installers.length === 0 ? [...found, 'pip'] : found);
}
