import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../model';
import type { AnalyzerFinding } from '../types';
import { dependencyFindings } from './dependencyChecks';
import { entriesOf, gitRootOf } from './projectFiles';
import { projectFinding } from './projectFinding';
import { testPresence } from './testPresence';

export interface ProjectCheckOptions {
  /** Entries looked at, in all, when searching for tests. Default 20,000. */
  maxEntries?: number;
  /** Folder levels searched for tests. Default 4. */
  maxDepth?: number;
  /** Latest published versions by package name, when known offline; without them outdated ones are not checked. */
  latestVersions?: Readonly<Record<string, string>>;
}

export interface ProjectCheckResult {
  findings: AnalyzerFinding[];
  /** Checks that were skipped or could not conclude, and why. */
  notes: string[];
}

const README = /^readme(\.[a-z0-9]+)?$/i;
const LICENSE = /^(licen[cs]e|copying|unlicense)([-_.][\w.-]*)?$/i;
/** CI configuration files at a repository's root, by provider. */
const CI_FILES = [
  '.gitlab-ci.yml', '.travis.yml', 'azure-pipelines.yml', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.drone.yml',
  'appveyor.yml', '.appveyor.yml', '.woodpecker.yml', 'cloudbuild.yaml', 'buildspec.yml', 'codemagic.yaml', 'bitrise.yml',
];
/** CI folders that hold at least one configuration file. */
const CI_DIRS = ['.github/workflows', '.gitea/workflows', '.forgejo/workflows', '.circleci', '.buildkite', '.woodpecker', '.semaphore'];

/**
 * Project-level debt: `debt/missing-readme`, `debt/missing-license`, `debt/missing-tests`, `debt/missing-ci`, and
 * the dependency checks (unpinned, lockfile, outdated). LICENSE and CI may live at the monorepo or git root,
 * so those are looked for there too. Findings are placed on the project folder (or the manifest). Never throws.
 */
export async function checkProject(project: Project, options: ProjectCheckOptions = {}): Promise<ProjectCheckResult> {
  const gitRoot = await gitRootOf(project.path, project.root);
  const roots = [...new Set([project.path, project.parent, gitRoot].filter((d): d is string => d !== null))];
  const findings: AnalyzerFinding[] = [];
  const notes: string[] = [];
  const own = (await entriesOf(project.path)).map((e) => e.name);
  if (!own.some((n) => README.test(n))) findings.push(projectFinding('debt/missing-readme', project.path, 'No README: nobody (including future you) knows what this is, how to run it or how to test it.'));
  await checkLicense(project, roots, findings, notes);
  await checkTests(project, options, findings, notes);
  if (!(await hasCi(roots))) findings.push(projectFinding('debt/missing-ci', project.path, 'No CI configuration (.github/workflows, .gitlab-ci.yml, …): nothing builds and tests each change.'));
  const deps = await dependencyFindings(project, { lockfileDirs: roots.slice(1), ...(options.latestVersions ? { latestVersions: options.latestVersions } : {}) });
  return { findings: [...findings, ...deps.findings], notes: [...notes, ...deps.notes] };
}

async function checkLicense(project: Project, roots: readonly string[], findings: AnalyzerFinding[], notes: string[]): Promise<void> {
  for (const dir of roots) if ((await entriesOf(dir)).some((e) => LICENSE.test(e.name))) return;
  if (await isPrivatePackage(project)) return void notes.push('LICENSE was not required: package.json says the package is private.');
  findings.push(projectFinding('debt/missing-license', project.path, 'No LICENSE file: without one, nobody else may legally use, change or share this code.'));
}

async function checkTests(project: Project, options: ProjectCheckOptions, findings: AnalyzerFinding[], notes: string[]): Promise<void> {
  const isRust = project.dependencies.manifests.some((m) => m.kind === 'Cargo.toml') || project.stack.languages.includes('rust');
  const presence = await testPresence(project.path, isRust, { maxDepth: options.maxDepth ?? 4, maxEntries: options.maxEntries ?? 20_000 });
  if ('unknown' in presence) notes.push(`Tests were not looked for everywhere (${presence.unknown}); none were reported missing.`);
  if ('missing' in presence) findings.push(projectFinding('debt/missing-tests', project.path, 'No tests found (no test folder, no *.test.*, *_test.*, test_*.py …): every change is checked by hand, if at all.'));
}

async function hasCi(roots: readonly string[]): Promise<boolean> {
  for (const root of roots) {
    const names = new Set((await entriesOf(root)).map((e) => e.name));
    if (CI_FILES.some((f) => names.has(f))) return true;
    for (const dir of CI_DIRS) if ((await entriesOf(path.join(root, dir))).some((e) => e.isFile() || e.isDirectory())) return true;
  }
  return false;
}

async function isPrivatePackage(project: Project): Promise<boolean> {
  const manifest = project.dependencies.manifests.find((m) => m.kind === 'package.json');
  if (!manifest) return false;
  try {
    const parsed: unknown = JSON.parse(await readFile(manifest.path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && (parsed as Record<string, unknown>).private === true;
  } catch {
    return false;
  }
}
