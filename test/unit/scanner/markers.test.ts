import assert from 'node:assert/strict';
import { isManifestName, isProjectRoot, shouldSkipDir, SKIP_DIRS } from '../../../language-server/scanner/markers';

describe('project markers', () => {
  it('recognises every marker kind from a listing alone', () => {
    const markers = [
      '.git', 'package.json', 'pyproject.toml', 'requirements.txt', 'requirements-dev.txt', 'dev-requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg',
      'Cargo.toml', 'go.mod', 'go.work', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts',
      'Gemfile', 'composer.json', 'App.csproj', 'Lib.fsproj', 'All.sln', 'pubspec.yaml', 'mix.exs', 'Package.swift',
      'CMakeLists.txt', 'Makefile', 'Dockerfile', 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml',
      'deno.json', 'deno.jsonc',
    ];
    for (const marker of markers) assert.ok(isProjectRoot(['README.md', marker]), marker);
  });

  it('does not take ordinary folders for projects', () => {
    assert.equal(isProjectRoot([]), false);
    assert.equal(isProjectRoot(['README.md', 'src', 'index.js', 'notes.txt', 'requirements.md', 'package.json.bak', 'my.csproj.user']), false);
  });

  it('skips dependency caches and build output, and virtualenvs under any name', () => {
    for (const dir of ['node_modules', '.venv', 'venv', 'target', 'dist', 'build', 'vendor', '.git', '__pycache__', '.gradle', '.next', '.nuxt', '.svelte-kit', '.turbo', 'coverage', 'Pods', '.dart_tool', '_build', 'deps']) {
      assert.ok(SKIP_DIRS.has(dir), dir);
    }
    assert.equal(shouldSkipDir('src'), false);
    assert.equal(shouldSkipDir('env', ['bin', 'lib', 'pyvenv.cfg']), true);
    assert.equal(shouldSkipDir('env', ['index.ts']), false);
  });

  it('knows which changed files matter beyond the markers', () => {
    for (const name of ['package.json', 'yarn.lock', 'pnpm-workspace.yaml', 'tsconfig.json', 'Cargo.lock', 'App.csproj']) assert.ok(isManifestName(name), name);
    for (const name of ['index.ts', 'README.md', 'main.go']) assert.equal(isManifestName(name), false, name);
  });
});
