import type { Dependency, DependencyKind, Manifest } from '../../model';
import type { DetectContext, Detection, Detector } from './detector';
import { frameworksFor } from './frameworks';
import { asString, at, dependenciesFromMap, isRecord } from './values';

/** Lockfile → package manager; a lockfile is the strongest evidence of which client a project really uses. */
const LOCKFILES: readonly (readonly [string, string])[] = [
  ['package-lock.json', 'npm'], ['npm-shrinkwrap.json', 'npm'], ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'], ['bun.lockb', 'bun'], ['bun.lock', 'bun'],
];
const CLIENTS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun']);

const SECTIONS: readonly (readonly [string, DependencyKind])[] = [
  ['dependencies', 'runtime'], ['devDependencies', 'dev'], ['peerDependencies', 'peer'], ['optionalDependencies', 'optional'],
];

export const nodeDetector: Detector = {
  id: 'node',
  applies: (names) => names.has('package.json'),
  async detect(ctx) {
    const pkg = await ctx.json('package.json');
    const dependencies = pkg ? packageJsonDependencies(ctx, pkg) : [];
    const manifest: Manifest = { path: ctx.path('package.json'), kind: 'package.json', dependencies };
    const names = dependencies.map((d) => d.name);
    const typescript = ctx.names.has('tsconfig.json') || names.includes('typescript');
    const signals = isRecord(at(pkg, 'engines')) && at(pkg, 'engines', 'vscode') !== undefined ? [...names, 'engines:vscode'] : names;
    return {
      languages: [typescript ? 'typescript' : 'javascript'],
      frameworks: frameworksFor('npm', signals),
      packageManagers: packageManagers(ctx, pkg),
      manifests: [manifest],
    } satisfies Detection;
  },
};

function packageJsonDependencies(ctx: DetectContext, pkg: Record<string, unknown>): Dependency[] {
  return SECTIONS.flatMap(([field, kind]) => {
    const value = pkg[field];
    if (value !== undefined && !isRecord(value)) {
      ctx.malformed('package.json', `package.json: "${field}" should be an object mapping package names to version ranges, but is ${Array.isArray(value) ? 'a list' : typeof value}`);
      return [];
    }
    return dependenciesFromMap(value, kind);
  });
}

/**
 * The `packageManager` field (corepack) says what the project wants; without it, every lockfile present counts,
 * and more than one is worth telling the user about since installs will disagree. No evidence means npm.
 */
function packageManagers(ctx: DetectContext, pkg: Record<string, unknown> | undefined): string[] {
  const declared = asString(pkg?.packageManager)?.split('@')[0];
  if (declared && CLIENTS.has(declared)) return [declared];
  const locks = LOCKFILES.filter(([file]) => ctx.names.has(file));
  const clients = [...new Set(locks.map(([, client]) => client))].sort();
  if (clients.length > 1) {
    ctx.findings.push({
      code: 'stack/multiple-lockfiles', severity: 'info', file: ctx.dir,
      message: `Lockfiles of different package managers are present (${locks.map(([f]) => f).join(', ')}); installs may resolve different versions`,
    });
  }
  return clients.length > 0 ? clients : ['npm'];
}
