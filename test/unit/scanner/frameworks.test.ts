import assert from 'node:assert/strict';
import { frameworksFor } from '../../../language-server/scanner/ecosystems/frameworks';
import type { Tree } from './fixtures';
import { identifyTree, json, removeTrees } from './fixtures';

const npm = (deps: Record<string, string>, extra: Record<string, unknown> = {}): Tree => ({ 'package.json': json({ dependencies: deps, ...extra }) });

/** One realistic minimal project per framework; each must be recognised from its manifest. */
const CASES: readonly (readonly [string, Tree])[] = [
  ['react', npm({ react: '^18.2.0' })],
  ['next', npm({ next: '14.1.0' })],
  ['vue', npm({ vue: '^3.4.0' })],
  ['nuxt', npm({ nuxt: '^3.10.0' })],
  ['svelte', npm({ svelte: '^4.2.0' })],
  ['sveltekit', { 'package.json': json({ devDependencies: { '@sveltejs/kit': '^2.0.0' } }) }],
  ['angular', npm({ '@angular/core': '^17.1.0' })],
  ['express', npm({ express: '^4.18.2' })],
  ['fastify', npm({ fastify: '^4.26.0' })],
  ['nestjs', npm({ '@nestjs/core': '^10.3.0' })],
  ['electron', { 'package.json': json({ devDependencies: { electron: '^28.2.0' } }) }],
  ['vscode-extension', npm({}, { engines: { vscode: '^1.85.0' } })],
  ['django', { 'requirements.txt': 'Django==5.0.1\n' }],
  ['flask', { 'pyproject.toml': '[project]\ndependencies = ["Flask>=3"]\n' }],
  ['fastapi', { Pipfile: '[packages]\nfastapi = "*"\n' }],
  ['rails', { Gemfile: "gem 'rails', '~> 7.1'\n" }],
  ['laravel', { 'composer.json': json({ require: { 'laravel/framework': '^11.0' } }) }],
  ['spring-boot', { 'build.gradle': "plugins { id 'org.springframework.boot' version '3.2.2' }\n" }],
  ['actix-web', { 'Cargo.toml': '[dependencies]\nactix-web = "4"\n' }],
  ['axum', { 'Cargo.toml': '[dependencies]\naxum = { version = "0.7" }\n' }],
  ['gin', { 'go.mod': 'module x\nrequire github.com/gin-gonic/gin v1.9.1\n' }],
  ['echo', { 'go.mod': 'module x\nrequire github.com/labstack/echo/v4 v4.11.4\n' }],
  ['flutter', { 'pubspec.yaml': 'name: a\ndependencies:\n  flutter:\n    sdk: flutter\n' }],
  ['phoenix', { 'mix.exs': 'defp deps do\n  [{:phoenix, "~> 1.7"}]\nend\n' }],
  ['vapor', { 'Package.swift': '.package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")' }],
  ['aspnetcore', { 'Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }],
];

describe('framework detection', () => {
  after(removeTrees);

  for (const [framework, tree] of CASES) {
    it(`recognises ${framework}`, async () => {
      const id = await identifyTree(tree);
      assert.ok(id.stack.frameworks.includes(framework), `${framework} not in ${JSON.stringify(id.stack.frameworks)}`);
      assert.deepEqual(id.findings, []);
    });
  }

  it('recognises Spring Boot from a Maven starter and from the Maven plugin', async () => {
    const starter = await identifyTree({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>' });
    assert.deepEqual(starter.stack.frameworks, ['spring-boot']);
    const plugin = await identifyTree({ 'pom.xml': '<project><build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>' });
    assert.deepEqual(plugin.stack.frameworks, ['spring-boot']);
  });

  it('compares Python names after PEP 503 normalisation', () => {
    assert.deepEqual(frameworksFor('pypi', ['Django', 'FastAPI']), ['django', 'fastapi']);
  });

  it('does not match a framework from another ecosystem or a similar name', () => {
    assert.deepEqual(frameworksFor('pypi', ['react', 'express']), []);
    assert.deepEqual(frameworksFor('npm', ['react-dom', 'vue-router', 'next-auth', 'django']), []);
    assert.deepEqual(frameworksFor('cargo', ['axum-extra']), []);
  });

  it('returns sorted ids without duplicates', () => {
    assert.deepEqual(frameworksFor('rubygems', ['railties', 'rails', 'sinatra']), ['rails', 'sinatra']);
  });
});
