import assert from 'node:assert/strict';
import { depList, identifyTree, json, removeTrees } from './fixtures';

describe('identifyProject: compiled and other ecosystems', () => {
  after(removeTrees);

  it('Rust: dependency tables, targets, renames, workspace and optional deps', async () => {
    const id = await identifyTree({
      'Cargo.toml': [
        '[package]', 'name = "srv"', '[dependencies]', 'axum = "0.7"', 'serde = { version = "1.0", features = ["derive"] }',
        'json = { package = "serde_json", version = "1" }', 'tracing = { workspace = true }', 'core = { path = "../core" }',
        'metrics = { version = "0.22", optional = true }',
        '[dev-dependencies]', 'tokio-test = "0.4"', '[build-dependencies]', 'cc = "1.0"',
        "[target.'cfg(windows)'.dependencies]", 'winapi = "0.3"',
      ].join('\n'),
    });
    assert.deepEqual(id.stack, { languages: ['rust'], frameworks: ['axum'], packageManagers: ['cargo'] });
    assert.deepEqual(depList(id), [
      'axum@0.7:runtime', 'serde@1.0:runtime', 'serde_json@1:runtime', 'tracing@workspace:runtime', 'core@path:../core:runtime',
      'metrics@0.22:optional', 'tokio-test@0.4:dev', 'cc@1.0:build', 'winapi@0.3:runtime',
    ]);
  });

  it('Go: single-line and block requires, indirect ones included', async () => {
    const id = await identifyTree({
      'go.mod': 'module example.com/api\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n\nrequire (\n\tgithub.com/stretchr/testify v1.8.4 // test helpers\n\tgolang.org/x/sys v0.15.0 // indirect\n)\n\nreplace example.com/x => ../x\n',
    });
    assert.deepEqual(id.stack, { languages: ['go'], frameworks: ['gin'], packageManagers: ['go'] });
    assert.deepEqual(depList(id), ['github.com/gin-gonic/gin@v1.9.1:runtime', 'github.com/stretchr/testify@v1.8.4:runtime', 'golang.org/x/sys@v0.15.0:runtime']);
  });

  it('Java/Maven: scopes, optional, property versions, Spring Boot from the parent', async () => {
    const id = await identifyTree({
      'pom.xml': `<?xml version="1.0"?>
<project>
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent>
  <properties><guava.version>33.0.0-jre</guava.version></properties>
  <dependencies>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>\${guava.version}</version></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.0</version><scope>test</scope></dependency>
    <dependency><groupId>jakarta.servlet</groupId><artifactId>jakarta.servlet-api</artifactId><version>6.0.0</version><scope>provided</scope></dependency>
    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><optional>true</optional></dependency>
  </dependencies>
  <dependencyManagement><dependencies><dependency><groupId>x</groupId><artifactId>bom</artifactId><version>1</version><scope>import</scope></dependency></dependencies></dependencyManagement>
</project>`,
    });
    assert.deepEqual(id.stack, { languages: ['java'], frameworks: ['spring-boot'], packageManagers: ['maven'] });
    assert.deepEqual(depList(id), [
      'com.google.guava:guava@33.0.0-jre:runtime', 'org.junit.jupiter:junit-jupiter@5.10.0:dev',
      'jakarta.servlet:jakarta.servlet-api@6.0.0:build', 'com.h2database:h2@*:optional',
    ]);
  });

  it('Kotlin/Maven: kotlin from the kotlin stdlib', async () => {
    const id = await identifyTree({
      'pom.xml': '<project><dependencies><dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-stdlib</artifactId><version>1.9.22</version></dependency></dependencies></project>',
    });
    assert.deepEqual(id.stack.languages, ['kotlin']);
  });

  it('Kotlin/Gradle: plugins, configurations, kotlin(), platform() and the version catalog', async () => {
    const id = await identifyTree({
      'settings.gradle.kts': 'rootProject.name = "app"',
      'build.gradle.kts': [
        'plugins {', '    kotlin("jvm") version "1.9.22"', '    id("org.springframework.boot") version "3.2.2"', '    alias(libs.plugins.ktlint)', '}',
        'dependencies {', '    implementation(platform("org.springframework.boot:spring-boot-dependencies:3.2.2"))',
        '    implementation("org.springframework.boot:spring-boot-starter-web")', '    implementation(kotlin("reflect"))',
        '    implementation(libs.jackson.kotlin)', '    api(libs.guava)', '    compileOnly("org.projectlombok:lombok:1.18.30")',
        '    runtimeOnly("org.postgresql:postgresql:42.7.1")', '    testImplementation("org.springframework.boot:spring-boot-starter-test")',
        '    implementation(project(":core"))', '}',
      ].join('\n'),
      'gradle/libs.versions.toml': '[versions]\njackson = "2.16.1"\n[libraries]\njackson-kotlin = { module = "com.fasterxml.jackson.module:jackson-module-kotlin", version.ref = "jackson" }\nguava = "com.google.guava:guava:33.0.0-jre"\n[plugins]\nktlint = { id = "org.jlleitschuh.gradle.ktlint", version = "12.1.0" }\n',
    });
    assert.deepEqual(id.stack, { languages: ['kotlin'], frameworks: ['spring-boot'], packageManagers: ['gradle'] });
    assert.deepEqual(depList(id), [
      'org.springframework.boot:spring-boot-dependencies@3.2.2:runtime', 'org.springframework.boot:spring-boot-starter-web@*:runtime',
      'org.jetbrains.kotlin:kotlin-reflect@*:runtime', 'com.fasterxml.jackson.module:jackson-module-kotlin@2.16.1:runtime',
      'com.google.guava:guava@33.0.0-jre:runtime', 'org.projectlombok:lombok@1.18.30:build', 'org.postgresql:postgresql@42.7.1:runtime',
      'org.springframework.boot:spring-boot-starter-test@*:dev',
    ]);
    assert.equal(id.dependencies.manifests[0]?.kind, 'build.gradle.kts');
  });

  it('Java/Gradle (Groovy): string and map notations, java without kotlin', async () => {
    const id = await identifyTree({
      'build.gradle': "plugins { id 'java' }\ndependencies {\n    implementation 'com.google.guava:guava:32.1.3-jre'\n    testImplementation group: 'junit', name: 'junit', version: '4.13.2'\n    annotationProcessor 'org.projectlombok:lombok:1.18.30'\n}\n",
    });
    assert.deepEqual(id.stack, { languages: ['java'], frameworks: [], packageManagers: ['gradle'] });
    assert.deepEqual(depList(id), ['com.google.guava:guava@32.1.3-jre:runtime', 'junit:junit@4.13.2:dev', 'org.projectlombok:lombok@1.18.30:build']);
  });

  it('Ruby: gems with versions, group blocks and inline groups, git sources', async () => {
    const id = await identifyTree({
      Gemfile: [
        "source 'https://rubygems.org'", "ruby '3.3.0'", "gem 'rails', '~> 7.1', '>= 7.1.2'", "gem 'pg', '~> 1.1'",
        "gem 'bootsnap', require: false", "gem 'rubocop', group: :development", "if ENV['REDIS']", "  gem 'redis'", 'end',
        'group :development, :test do', "  gem 'rspec-rails', '~> 6.0'", '  group :ci do', "    gem 'simplecov'", '  end', 'end',
        "gem 'my_gem', git: 'https://github.com/me/my_gem.git'",
      ].join('\n'),
    });
    assert.deepEqual(id.stack, { languages: ['ruby'], frameworks: ['rails'], packageManagers: ['bundler'] });
    assert.deepEqual(depList(id), [
      'rails@~> 7.1, >= 7.1.2:runtime', 'pg@~> 1.1:runtime', 'bootsnap@*:runtime', 'rubocop@*:dev', 'redis@*:runtime',
      'rspec-rails@~> 6.0:dev', 'simplecov@*:dev', 'my_gem@git:https://github.com/me/my_gem.git:runtime',
    ]);
  });

  it('PHP: require and require-dev without platform requirements', async () => {
    const id = await identifyTree({
      'composer.json': json({
        require: { php: '^8.2', 'ext-mbstring': '*', 'laravel/framework': '^11.0', 'guzzlehttp/guzzle': '^7.2' },
        'require-dev': { 'phpunit/phpunit': '^11.0' },
      }),
    });
    assert.deepEqual(id.stack, { languages: ['php'], frameworks: ['laravel'], packageManagers: ['composer'] });
    assert.deepEqual(depList(id), ['laravel/framework@^11.0:runtime', 'guzzlehttp/guzzle@^7.2:runtime', 'phpunit/phpunit@^11.0:dev']);
  });

  it('C#: PackageReference in attribute and element form, analyzers as build, the Web SDK', async () => {
    const id = await identifyTree({
      'Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Serilog.AspNetCore" Version="8.0.0" />
    <PackageReference Include="Newtonsoft.Json"><Version>13.0.3</Version></PackageReference>
  </ItemGroup>
  <ItemGroup><PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" /></ItemGroup>
</Project>`,
      'Api.sln': '',
    });
    assert.deepEqual(id.stack, { languages: ['csharp'], frameworks: ['aspnetcore', 'dotnet'], packageManagers: ['nuget'] });
    assert.deepEqual(depList(id), ['Serilog.AspNetCore@8.0.0:runtime', 'Newtonsoft.Json@13.0.3:runtime', 'StyleCop.Analyzers@1.1.118:build']);
    assert.equal(id.dependencies.manifests[0]?.kind, '*.csproj');
  });

  it('F# from .fsproj, and languages from a solution alone', async () => {
    const fs = await identifyTree({ 'Lib.fsproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="FSharp.Core" Version="8.0.100" /></ItemGroup></Project>' });
    assert.deepEqual(fs.stack.languages, ['fsharp']);
    assert.deepEqual(depList(fs), ['FSharp.Core@8.0.100:runtime']);
    const sln = await identifyTree({ 'All.sln': 'Project("{F2A7}") = "Core", "src\\Core\\Core.fsproj", "{1}"\nProject("{FAE0}") = "Web", "src\\Web\\Web.csproj", "{2}"\n' });
    assert.deepEqual(sln.stack, { languages: ['csharp', 'fsharp'], frameworks: ['dotnet'], packageManagers: ['nuget'] });
  });

  it('Dart/Flutter: sdk, hosted, path and dev dependencies', async () => {
    const id = await identifyTree({
      'pubspec.yaml': 'name: app\nenvironment:\n  sdk: ">=3.2.0 <4.0.0"\ndependencies:\n  flutter:\n    sdk: flutter\n  http: ^1.2.0\n  local_pkg:\n    path: ../local_pkg\n  any_pkg:\ndev_dependencies:\n  flutter_test:\n    sdk: flutter\n  flutter_lints: ^3.0.0\n',
    });
    assert.deepEqual(id.stack, { languages: ['dart'], frameworks: ['flutter'], packageManagers: ['pub'] });
    assert.deepEqual(depList(id), [
      'flutter@sdk:flutter:runtime', 'http@^1.2.0:runtime', 'local_pkg@path:../local_pkg:runtime', 'any_pkg@*:runtime',
      'flutter_test@sdk:flutter:dev', 'flutter_lints@^3.0.0:dev',
    ]);
  });

  it('Dart without Flutter has no framework', async () => {
    const id = await identifyTree({ 'pubspec.yaml': 'name: cli\ndependencies:\n  args: ^2.4.0\n' });
    assert.deepEqual(id.stack, { languages: ['dart'], frameworks: [], packageManagers: ['pub'] });
  });

  it('Elixir: deps tuples with only/runtime/git/umbrella options', async () => {
    const id = await identifyTree({
      'mix.exs': `defmodule App.MixProject do
  use Mix.Project
  def project do
    [app: :app, version: "0.1.0", deps: deps()]
  end
  def application, do: [mod: {App.Application, []}]
  defp deps do
    [
      {:phoenix, "~> 1.7.10"},
      {:ecto_sql, "~> 3.10"},
      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},
      {:esbuild, "~> 0.8", runtime: Mix.env() == :dev},
      {:tailwind, "~> 0.2", runtime: false},
      {:my_dep, git: "https://github.com/me/my_dep.git", tag: "0.1"},
      {:core, in_umbrella: true}
    ]
  end
end`,
    });
    assert.deepEqual(id.stack, { languages: ['elixir'], frameworks: ['phoenix'], packageManagers: ['mix'] });
    assert.deepEqual(depList(id), [
      'phoenix@~> 1.7.10:runtime', 'ecto_sql@~> 3.10:runtime', 'credo@~> 1.7:dev', 'esbuild@~> 0.8:runtime', 'tailwind@~> 0.2:build',
      'my_dep@git:https://github.com/me/my_dep.git:runtime', 'core@umbrella:runtime',
    ]);
  });

  it('Swift: package identities and requirements as written', async () => {
    const id = await identifyTree({
      'Package.swift': `// swift-tools-version:5.9
import PackageDescription
let package = Package(
  name: "Server",
  dependencies: [
    .package(url: "https://github.com/vapor/vapor.git", from: "4.89.0"),
    .package(url: "https://github.com/apple/swift-nio", .upToNextMajor(from: "2.62.0")),
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.15.1"),
    .package(path: "../Shared"),
  ],
  targets: [.target(name: "App", dependencies: [.product(name: "Vapor", package: "vapor")])]
)`,
    });
    assert.deepEqual(id.stack, { languages: ['swift'], frameworks: ['vapor'], packageManagers: ['swiftpm'] });
    assert.deepEqual(depList(id), [
      'vapor@from: 4.89.0:runtime', 'swift-nio@.upToNextMajor(from: 2.62.0):runtime', 'swift-snapshot-testing@exact: 1.15.1:runtime',
      'shared@path:../Shared:runtime',
    ]);
  });

  it('C/C++: languages from project(), cpp by default, vcpkg beside CMake', async () => {
    const c = await identifyTree({ 'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.20)\nproject(tool\n  VERSION 1.2\n  DESCRIPTION "A C tool"\n  LANGUAGES C)\n' });
    assert.deepEqual(c.stack, { languages: ['c'], frameworks: [], packageManagers: ['cmake'] });
    const both = await identifyTree({ 'CMakeLists.txt': 'project(engine C CXX CUDA)\n', 'vcpkg.json': '{}' });
    assert.deepEqual(both.stack, { languages: ['c', 'cpp', 'cuda'], frameworks: [], packageManagers: ['cmake', 'vcpkg'] });
    const plain = await identifyTree({ 'CMakeLists.txt': '# project(old C)\nproject(app)\n' });
    assert.deepEqual(plain.stack.languages, ['cpp']);
  });

  it('Make: language only from sources beside the Makefile', async () => {
    const c = await identifyTree({ Makefile: 'all:\n\tcc main.c\n', 'main.c': '', 'util.h': '' });
    assert.deepEqual(c.stack, { languages: ['c'], frameworks: [], packageManagers: ['make'] });
    const goMake = await identifyTree({ Makefile: 'build:\n\tgo build\n', 'go.mod': 'module x\n' });
    assert.deepEqual(goMake.stack, { languages: ['go'], frameworks: [], packageManagers: ['go', 'make'] });
  });

  it('Docker: Dockerfile and compose files as frameworks beside the real stack', async () => {
    const id = await identifyTree({ Dockerfile: 'FROM node:20', 'compose.yaml': 'services: {}', 'package.json': '{}' });
    assert.deepEqual(id.stack, { languages: ['javascript'], frameworks: ['docker', 'docker-compose'], packageManagers: ['npm'] });
    const only = await identifyTree({ 'docker-compose.yml': 'services: {}' });
    assert.deepEqual(only.stack, { languages: [], frameworks: ['docker-compose'], packageManagers: [] });
  });

  it('a polyglot folder merges stacks sorted and without duplicates, counting distinct names', async () => {
    const id = await identifyTree({
      'package.json': json({ dependencies: { vue: '^3.4.0' } }),
      'requirements.txt': 'django==5.0\n',
      'pyproject.toml': '[project]\ndependencies = ["django>=5"]\n',
      'Cargo.toml': '[dependencies]\nactix-web = "4"\n',
    });
    assert.deepEqual(id.stack, { languages: ['javascript', 'python', 'rust'], frameworks: ['actix-web', 'django', 'vue'], packageManagers: ['cargo', 'npm', 'pip'] });
    assert.equal(id.dependencies.count, 3);
    assert.equal(id.dependencies.manifests.length, 4);
  });

  it('a folder with no manifests has an empty stack', async () => {
    const id = await identifyTree({ '.git': { folder: true }, 'README.md': '# hi' });
    assert.deepEqual(id, { ...id, stack: { languages: [], frameworks: [], packageManagers: [] }, findings: [], workspace: null, dependencies: { count: 0, manifests: [] } });
  });
});
