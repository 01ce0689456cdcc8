/**
 * What makes a folder a project root, decided from its listing alone so discovery costs one readdir per folder.
 */

const ROOT_FILES: ReadonlySet<string> = new Set([
  '.git', 'package.json', 'pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'Cargo.toml', 'go.mod', 'go.work',
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'Gemfile', 'composer.json',
  'pubspec.yaml', 'mix.exs', 'Package.swift', 'CMakeLists.txt', 'Makefile', 'makefile', 'GNUmakefile',
  'Dockerfile', 'Containerfile', 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml',
  'deno.json', 'deno.jsonc',
]);

/** Marker names that vary (requirements-dev.txt, MyApp.csproj). */
const ROOT_PATTERNS: readonly RegExp[] = [/^requirements.*\.txt$/, /^(dev|test)-requirements\.txt$/, /\.(cs|fs|vb)proj$/, /\.sln$/];

export function isProjectMarker(name: string): boolean {
  return ROOT_FILES.has(name) || ROOT_PATTERNS.some((re) => re.test(name));
}

export function isProjectRoot(entryNames: readonly string[]): boolean {
  return entryNames.some(isProjectMarker);
}

/**
 * Folders that hold build output or downloaded dependencies: never projects of their own, often huge.
 * Editor folders (.idea, .vscode) are not here because they are small and never hold project roots anyway.
 */
export const SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', '.venv', 'venv', '.tox', '__pycache__', '.mypy_cache', '.pytest_cache',
  'target', 'dist', 'build', 'out', 'vendor', '.git', '.hg', '.svn', '.gradle', '.next', '.nuxt', '.output',
  '.svelte-kit', '.turbo', '.angular', '.parcel-cache', 'coverage', 'Pods', '.dart_tool', '_build', 'deps',
  '.pnpm-store', '.yarn',
]);

/** A Python virtual environment under any name (`env`, `.env-3.12`) is recognised by its pyvenv.cfg. */
export function isVirtualEnv(entryNames: readonly string[]): boolean {
  return entryNames.includes('pyvenv.cfg');
}

/** Whether discovery should not descend into folder `name`; pass its listing when known to catch virtualenvs. */
export function shouldSkipDir(name: string, entryNames?: readonly string[]): boolean {
  return SKIP_DIRS.has(name) || (entryNames !== undefined && isVirtualEnv(entryNames));
}

/** Files whose change alters what identify/lockfiles/workspaces read, beyond the root markers themselves. */
const OTHER_INPUTS: ReadonlySet<string> = new Set([
  'tsconfig.json', 'pnpm-workspace.yaml', 'lerna.json', 'nx.json', 'turbo.json', '.yarnrc.yml', 'vcpkg.json',
  'conanfile.txt', 'conanfile.py', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml',
  'bun.lock', 'bun.lockb', 'Cargo.lock', 'poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'go.sum',
  'Gemfile.lock', 'composer.lock', 'pubspec.lock', 'mix.lock', 'Package.resolved', 'packages.lock.json',
  'gradle.lockfile', 'libs.versions.toml',
]);

/** Whether a changed file (base name) can change a project's identity, dependencies or workspace. */
export function isManifestName(name: string): boolean {
  return isProjectMarker(name) || OTHER_INPUTS.has(name);
}
