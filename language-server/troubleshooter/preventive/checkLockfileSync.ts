/**
 * `preventive/lockfile-out-of-sync`: package.json and package-lock.json disagree, so `npm ci` (what CI and
 * fresh clones run) fails or installs something else than package.json says. Reported at the dependency's line
 * in package.json: a dependency the lockfile never recorded, one recorded but not installed, or a locked
 * version outside the declared range. A range that changed but still holds the locked version is not reported:
 * npm ci accepts it.
 */
import path from 'node:path';
import type { AnalyzerFinding, AnalyzerSeverity } from '../../analyzer/types';
import { preventiveFinding } from './finding';
import { keySpanOrStart } from './jsonPositions';
import { satisfiesNpmRange } from './npmRange';
import { findPackageLock, lockedDeclarations, lockedInstall, readPackageLock, type LockedInstall, type PackageLock } from './packageLock';
import { packageJsonIn, type DeclaredDependency, type PackageJson } from './packageJson';
import { RULE } from './types';
import { workspaceOf } from './workspace';

const CHECKED: ReadonlySet<string> = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

interface LockView {
  lock: PackageLock;
  /** The project's folder relative to the lockfile's ('' when the lockfile is the project's own). */
  memberKey: string;
}

export async function checkLockfileSync(projectDir: string, manifestText?: string): Promise<AnalyzerFinding[]> {
  try {
    const pkg = await packageJsonIn(projectDir, manifestText);
    const view = pkg ? await lockFor(projectDir) : undefined;
    if (!pkg || !view) return [];
    const recorded = lockedDeclarations(view.lock, view.memberKey);
    return [...pkg.dependencies.values()].filter((d) => CHECKED.has(d.section)).flatMap((dep) => judge(pkg, dep, view, recorded) ?? []);
  } catch {
    return [];
  }
}

/** The project's own lockfile, else its monorepo root's (npm workspaces keep one lockfile at the root). */
async function lockFor(projectDir: string): Promise<LockView | undefined> {
  const own = findPackageLock(projectDir);
  const root = own ? undefined : (await workspaceOf(projectDir))?.root;
  const file = own ?? (root ? findPackageLock(root) : undefined);
  const lock = file ? await readPackageLock(file) : undefined;
  if (!file || !lock) return undefined;
  return { lock, memberKey: path.relative(path.dirname(file), projectDir).split(path.sep).join('/') };
}

function judge(pkg: PackageJson, dep: DeclaredDependency, view: LockView, recorded: ReadonlyMap<string, string> | undefined): AnalyzerFinding | undefined {
  const installed = lockedInstall(view.lock, view.memberKey, dep.name);
  const lockName = path.basename(view.lock.path);
  if (!installed) return report(pkg, dep, view, 'error', `${dep.name} is in package.json but not in ${lockName}, so \`npm ci\` fails: run \`npm install\` to update the lockfile`);
  const unsatisfied = lockedVersionFails(dep.range, installed);
  if (unsatisfied) {
    return report(pkg, dep, view, 'error', `${lockName} locks ${dep.name} at ${installed.version}, outside "${dep.range}" in package.json, so \`npm ci\` fails: run \`npm install\` to update the lockfile`, installed.version);
  }
  if (recorded && !recorded.has(dep.name)) {
    return report(pkg, dep, view, 'warning', `${dep.name} was added to package.json after ${lockName} was written (it is locked only as another package's dependency): run \`npm install\` to record it`, installed.version);
  }
  return undefined;
}

/** Only registry ranges are compared; an alias `npm:name@range` compares its own range. */
function lockedVersionFails(range: string, installed: LockedInstall): boolean {
  if (installed.link || !installed.version) return false;
  const alias = /^npm:(?:@[^/@]+\/)?[^@]+@(.+)$/.exec(range);
  return satisfiesNpmRange(installed.version, alias?.[1] ?? range) === false;
}

function report(pkg: PackageJson, dep: DeclaredDependency, view: LockView, severity: AnalyzerSeverity, message: string, lockedVersion?: string): AnalyzerFinding {
  return preventiveFinding(RULE.lockfileOutOfSync, severity, pkg.path, keySpanOrStart(pkg.path, pkg.text, [dep.section, dep.name]), message, {
    fixCommand: 'npm install', fixCwd: path.dirname(view.lock.path), dependency: dep.name, range: dep.range, lockfile: view.lock.path,
    ...(lockedVersion ? { lockedVersion } : {}),
  });
}
