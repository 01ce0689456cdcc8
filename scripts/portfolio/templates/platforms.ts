import { bundleVendor, composerVendor, dartTool, dotnetOutput, elixirDeps, gradleCache, jvmBuild } from '../heavy/native';
import { buildOutput } from '../heavy/node';
import type { Template } from '../types';
import { readme, stack } from './common';

const pascal = (name: string): string => name.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

export const springMaven: Template = {
  id: 'spring-boot',
  suffix: 'billing',
  stack: stack(['java'], ['spring-boot'], ['maven']),
  heavy: [jvmBuild('target', 'java')],
  files: (name) => ({
    'pom.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>3.3.5</version>\n  </parent>\n  <groupId>com.example</groupId>\n  <artifactId>${name}</artifactId>\n  <version>0.1.0</version>\n  <properties>\n    <java.version>21</java.version>\n  </properties>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-test</artifactId>\n      <scope>test</scope>\n    </dependency>\n  </dependencies>\n</project>\n`,
    'README.md': readme(name, 'A Spring Boot billing service.', './mvnw spring-boot:run'),
    'src/main/java/com/example/app/Application.java': 'package com.example.app;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class Application {\n    public static void main(String[] args) {\n        SpringApplication.run(Application.class, args);\n    }\n}\n',
    'src/main/java/com/example/app/InvoiceController.java': 'package com.example.app;\n\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\nclass InvoiceController {\n    @GetMapping("/invoices")\n    String list() { return "[]"; }\n}\n',
    'src/main/resources/application.properties': 'server.port=8080\n',
    'src/test/java/com/example/app/ApplicationTests.java': 'package com.example.app;\n\nimport org.junit.jupiter.api.Test;\n\nclass ApplicationTests {\n    @Test\n    void contextLoads() {}\n}\n',
  }),
};

export const gradleKotlin: Template = {
  id: 'gradle-kotlin',
  suffix: 'ktor',
  stack: stack(['kotlin'], ['ktor'], ['gradle']),
  heavy: [jvmBuild('build', 'kotlin'), gradleCache()],
  files: (name) => ({
    'settings.gradle.kts': `rootProject.name = "${name}"\n`,
    'build.gradle.kts': 'plugins {\n    kotlin("jvm") version "2.0.21"\n    id("io.ktor.plugin") version "3.0.1"\n    application\n}\n\nrepositories { mavenCentral() }\n\ndependencies {\n    implementation("io.ktor:ktor-server-netty:3.0.1")\n    testImplementation(kotlin("test"))\n}\n\napplication { mainClass.set("com.example.app.ApplicationKt") }\n',
    'gradle/wrapper/gradle-wrapper.properties': 'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10-bin.zip\n',
    'gradlew': '#!/bin/sh\nexec java -jar gradle/wrapper/gradle-wrapper.jar "$@"\n',
    'README.md': readme(name, 'A Ktor server built with Gradle (Kotlin DSL).', './gradlew run'),
    'src/main/kotlin/com/example/app/Application.kt': 'package com.example.app\n\nimport io.ktor.server.engine.*\nimport io.ktor.server.netty.*\n\nfun main() {\n    embeddedServer(Netty, port = 8080) { routes() }.start(wait = true)\n}\n',
    'src/main/kotlin/com/example/app/Routes.kt': 'package com.example.app\n\nimport io.ktor.server.application.*\n\nfun Application.routes() {}\n',
  }),
};

export const dotnet: Template = {
  id: 'dotnet',
  suffix: 'orders',
  stack: stack(['csharp'], ['aspnetcore', 'dotnet'], ['nuget']),
  heavy: [dotnetOutput('bin'), dotnetOutput('obj')],
  files: (name) => ({
    [`${pascal(name)}.csproj`]: '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.9.0" />\n  </ItemGroup>\n</Project>\n',
    'Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet("/", () => "ok");\napp.Run();\n',
    'Models/Order.cs': 'namespace Orders.Models;\n\npublic record Order(int Id, decimal Total);\n',
    'appsettings.json': '{\n  "Logging": { "LogLevel": { "Default": "Information" } }\n}\n',
    'README.md': readme(name, 'An ASP.NET Core orders API.', 'dotnet run'),
  }),
};

export const rails: Template = {
  id: 'rails',
  suffix: 'store',
  stack: stack(['ruby'], ['rails'], ['bundler']),
  ignore: ['/log/*', '/tmp/*', '/storage/*'],
  heavy: [bundleVendor()],
  files: (name) => ({
    Gemfile: 'source "https://rubygems.org"\n\nruby "3.3.5"\ngem "rails", "~> 7.2.2"\ngem "puma", ">= 5.0"\ngem "sqlite3", ">= 1.4"\n\ngroup :development, :test do\n  gem "debug"\nend\n',
    'Gemfile.lock': 'GEM\n  remote: https://rubygems.org/\n  specs:\n    puma (6.4.3)\n    rails (7.2.2)\n    sqlite3 (2.2.0)\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  puma (>= 5.0)\n  rails (~> 7.2.2)\n  sqlite3 (>= 1.4)\n\nBUNDLED WITH\n   2.5.22\n',
    'config.ru': 'require_relative "config/environment"\n\nrun Rails.application\n',
    'config/application.rb': `require "rails/all"\n\nmodule ${pascal(name)}\n  class Application < Rails::Application\n    config.load_defaults 7.2\n  end\nend\n`,
    'app/controllers/application_controller.rb': 'class ApplicationController < ActionController::Base\nend\n',
    'app/models/product.rb': 'class Product < ApplicationRecord\nend\n',
    'README.md': readme(name, 'A Rails store.', 'bundle install\nbin/rails server'),
  }),
};

export const laravel: Template = {
  id: 'laravel',
  suffix: 'crm',
  stack: stack(['php'], ['laravel'], ['composer']),
  ignore: ['.env', '/storage/*.key'],
  heavy: [composerVendor()],
  files: (name) => ({
    'composer.json': `${JSON.stringify({ name: `example/${name}`, type: 'project', require: { php: '^8.2', 'laravel/framework': '^11.31' }, 'require-dev': { 'phpunit/phpunit': '^11.0.1' }, autoload: { 'psr-4': { 'App\\': 'app/' } } }, null, 4)}\n`,
    'composer.lock': `${JSON.stringify({ 'content-hash': 'sample', packages: [{ name: 'laravel/framework', version: 'v11.31.0' }], 'packages-dev': [{ name: 'phpunit/phpunit', version: '11.4.3' }] }, null, 4)}\n`,
    artisan: "#!/usr/bin/env php\n<?php\n\nrequire __DIR__.'/vendor/autoload.php';\n",
    'app/Http/Controllers/ContactController.php': "<?php\n\nnamespace App\\Http\\Controllers;\n\nclass ContactController extends Controller\n{\n    public function index()\n    {\n        return [];\n    }\n}\n",
    'routes/web.php': "<?php\n\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/', fn () => view('welcome'));\n",
    'README.md': readme(name, 'A Laravel CRM.', 'composer install\nphp artisan serve'),
  }),
};

export const flutter: Template = {
  id: 'flutter',
  suffix: 'mobile',
  stack: stack(['dart'], ['flutter'], ['pub']),
  ignore: ['.flutter-plugins', '.flutter-plugins-dependencies'],
  heavy: [dartTool(), buildOutput('build', ['app/intermediates', 'flutter_assets'], 30, 80, 'bin')],
  files: (name) => ({
    'pubspec.yaml': `name: ${name.replace(/-/g, '_')}\ndescription: A Flutter app.\nversion: 0.1.0+1\n\nenvironment:\n  sdk: ">=3.5.0 <4.0.0"\n\ndependencies:\n  flutter:\n    sdk: flutter\n  http: ^1.2.2\n\ndev_dependencies:\n  flutter_test:\n    sdk: flutter\n`,
    'pubspec.lock': 'packages:\n  http:\n    dependency: "direct main"\n    source: hosted\n    version: "1.2.2"\nsdks:\n  dart: ">=3.5.0 <4.0.0"\n',
    'lib/main.dart': "import 'package:flutter/material.dart';\n\nvoid main() => runApp(const MaterialApp(home: Scaffold(body: Center(child: Text('hello')))));\n",
    'test/widget_test.dart': "import 'package:flutter_test/flutter_test.dart';\n\nvoid main() {\n  test('truth', () => expect(true, isTrue));\n}\n",
    'analysis_options.yaml': 'include: package:flutter_lints/flutter.yaml\n',
    'README.md': readme(name, 'A Flutter mobile app.', 'flutter pub get\nflutter run'),
  }),
};

export const phoenix: Template = {
  id: 'phoenix',
  suffix: 'chat',
  stack: stack(['elixir'], ['phoenix'], ['mix']),
  heavy: elixirDeps(),
  files: (name) => ({
    'mix.exs': `defmodule ${pascal(name)}.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :${name.replace(/-/g, '_')}, version: "0.1.0", elixir: "~> 1.17", deps: deps()]\n  end\n\n  defp deps do\n    [{:phoenix, "~> 1.7.14"}, {:jason, "~> 1.4"}]\n  end\nend\n`,
    'mix.lock': '%{\n  "jason": {:hex, :jason, "1.4.4", "sample", [:mix], [], "hexpm", "sample"},\n  "phoenix": {:hex, :phoenix, "1.7.14", "sample", [:mix], [], "hexpm", "sample"},\n}\n',
    'lib/app.ex': `defmodule ${pascal(name)} do\n  def hello, do: :world\nend\n`,
    'test/app_test.exs': `defmodule ${pascal(name)}Test do\n  use ExUnit.Case\n\n  test "hello" do\n    assert ${pascal(name)}.hello() == :world\n  end\nend\n`,
    'README.md': readme(name, 'A Phoenix chat server.', 'mix deps.get\nmix phx.server'),
  }),
};

export const dockerOnly: Template = {
  id: 'docker',
  suffix: 'infra',
  stack: stack([], ['docker', 'docker-compose'], []),
  ignore: ['.env'],
  heavy: [],
  files: (name) => ({
    Dockerfile: 'FROM nginx:1.27-alpine\nCOPY html/ /usr/share/nginx/html/\nEXPOSE 80\n',
    'compose.yaml': `services:\n  web:\n    build: .\n    ports:\n      - "8080:80"\n  cache:\n    image: redis:7-alpine\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: example\n    volumes:\n      - ${name}-data:/var/lib/postgresql/data\n\nvolumes:\n  ${name}-data:\n`,
    'html/index.html': `<h1>${name}</h1>\n`,
    '.dockerignore': '.git\n',
    'README.md': readme(name, 'Local infrastructure: nginx, redis and postgres.', 'docker compose up'),
  }),
};
