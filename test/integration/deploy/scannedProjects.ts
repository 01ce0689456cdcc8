/**
 * Small but realistic projects, one per supported stack, each with the deploy files such a project usually has.
 * The scanner identifies them for real, so the stacks the generator sees are the ones users will have.
 */

export interface Sample {
  files: Record<string, string>;
  template: string | null;
  port?: number;
  /** The deploy command detection should pick, when the project has deploy files. */
  deploy?: string;
  /** Lines the Dockerfile must contain (exactly, trimmed). */
  lines?: string[];
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

export const SAMPLES: Readonly<Record<string, Sample>> = {
  'express-ts-npm': {
    files: {
      'package.json': json({ name: 'api', scripts: { build: 'tsc', start: 'node dist/server.js', dev: 'tsx watch src/server.ts' }, dependencies: { express: '^4.19.0' }, devDependencies: { typescript: '^5.5.0' } }),
      'package-lock.json': json({ lockfileVersion: 3, packages: {} }), 'tsconfig.json': '{}', 'src/server.ts': 'import express from "express";\n',
      'fly.toml': 'app = "api-prod"\nprimary_region = "fra"\n', '.env': 'SECRET=1\n',
    },
    template: 'node-express', port: 3000, deploy: 'fly deploy',
    lines: ['COPY package.json package-lock.json ./', 'RUN npm run build && rm -rf node_modules', 'CMD ["node", "dist/server.js"]'],
  },
  'next-pnpm': {
    files: {
      'package.json': json({ name: 'web', packageManager: 'pnpm@9.1.0', scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '14.2.0', react: '18.3.0' } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'next.config.mjs': "export default { output: 'standalone' };\n", 'public/favicon.ico': '',
      'vercel.json': json({ framework: 'nextjs' }),
    },
    template: 'node-next', port: 3000, deploy: 'vercel --prod',
    lines: ['COPY package.json pnpm-lock.yaml ./', 'RUN corepack enable && pnpm run build', 'CMD ["node", "server.js"]'],
  },
  'vite-react-yarn': {
    files: {
      'package.json': json({ name: 'spa', scripts: { dev: 'vite', build: 'tsc && vite build' }, dependencies: { react: '^18' }, devDependencies: { vite: '^5', typescript: '^5' } }),
      'yarn.lock': '# yarn lockfile v1\n', 'index.html': '<div id="root"></div>', 'netlify.toml': '[build]\ncommand = "yarn build"\npublish = "dist"\n',
    },
    template: 'node-vite-static', port: 8080, deploy: 'netlify deploy --prod', lines: ['RUN yarn install --frozen-lockfile', 'RUN yarn run build'],
  },
  'django-requirements': {
    files: {
      'requirements.txt': 'Django==5.0.6\ngunicorn==22.0.0\npsycopg[binary]==3.1.19\n', 'manage.py': '#!/usr/bin/env python\nimport os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
      'mysite/__init__.py': '', 'mysite/settings.py': '', 'mysite/wsgi.py': '', Procfile: 'web: gunicorn mysite.wsgi\nrelease: python manage.py migrate\n',
    },
    template: 'python-django', port: 8000, lines: ['CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi:application"]'],
  },
  'fastapi-poetry': {
    files: {
      'pyproject.toml': '[tool.poetry]\nname = "svc"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "^0.110"\nuvicorn = "^0.29"\n\n[build-system]\nrequires = ["poetry-core"]\n',
      'poetry.lock': '', 'app/__init__.py': '', 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      'compose.yaml': 'services:\n  api:\n    build: .\n    ports: ["8000:8000"]\n',
    },
    template: 'python-fastapi', port: 8000, deploy: 'docker compose up -d --build',
    lines: ['COPY pyproject.toml poetry.lock ./', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]'],
  },
  'flask-uv': {
    files: {
      'pyproject.toml': '[project]\nname = "site"\nversion = "1.0"\nrequires-python = ">=3.10"\ndependencies = ["flask>=3", "gunicorn"]\n', 'uv.lock': 'version = 1\n',
      'wsgi.py': 'from flask import Flask\napplication = Flask(__name__)\n', 'render.yaml': 'services:\n  - type: web\n    name: site\n',
    },
    template: 'python-flask', port: 5000, lines: ['RUN uv sync --frozen --no-dev --no-install-project', 'CMD ["gunicorn", "--bind", "0.0.0.0:5000", "wsgi:application"]'],
  },
  'go-gin': {
    files: {
      'go.mod': 'module github.com/acme/shop\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n', 'go.sum': '', 'cmd/server/main.go': 'package main\n', 'internal/api/api.go': 'package api\n',
      '.github/workflows/deploy.yml': 'name: Deploy\non:\n  workflow_dispatch:\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: flyctl deploy --remote-only\n',
      '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n',
    },
    template: 'go', port: 8080, deploy: 'gh workflow run deploy.yml', lines: ['COPY go.mod go.sum ./', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/server'],
  },
  'rust-axum': {
    files: { 'Cargo.toml': '[package]\nname = "shop-api"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n', 'Cargo.lock': '', 'src/main.rs': 'fn main() {}\n', Dockerfile: 'FROM rust:1\n' },
    template: 'rust', port: 8080, deploy: 'docker build -t rust-axum .',
  },
  'spring-maven': {
    files: {
      'pom.xml': '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0</version><properties><java.version>21</java.version></properties><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/acme/App.java': 'class App {}\n',
    },
    template: 'java-maven', port: 8080, lines: ['FROM maven:3.9-eclipse-temurin-21 AS build', 'COPY src ./src'],
  },
  'spring-gradle-kotlin': {
    files: {
      'build.gradle.kts': 'plugins {\n    id("org.springframework.boot") version "3.3.0"\n    kotlin("jvm") version "1.9.24"\n}\nkotlin {\n    jvmToolchain(17)\n}\ndependencies {\n    implementation("org.springframework.boot:spring-boot-starter-web")\n}\n',
      'settings.gradle.kts': 'rootProject.name = "shop"\n', gradlew: '#!/bin/sh\n', 'gradle/wrapper/gradle-wrapper.properties': '', 'src/main/kotlin/App.kt': '',
    },
    template: 'java-gradle', port: 8080, lines: ['FROM eclipse-temurin:17-jdk AS build'],
  },
  'dotnet-web': {
    files: { 'Shop.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n', 'Program.cs': 'var app = WebApplication.Create();\n' },
    template: 'dotnet-aspnetcore', port: 8080, lines: ['ENTRYPOINT ["dotnet", "Shop.Api.dll"]', 'USER $APP_UID'],
  },
  'rails-pg': {
    files: {
      Gemfile: "source 'https://rubygems.org'\nruby '3.3.1'\ngem 'rails', '~> 7.1'\ngem 'pg'\ngem 'puma'\n", 'Gemfile.lock': 'GEM\n  specs:\n    rails (7.1.3)\n', 'config.ru': '', 'bin/rails': '', 'config/application.rb': '',
      'docker-compose.yml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n', 'docker-compose.override.yml': 'services:\n  web:\n    ports: ["3000:3000"]\n',
    },
    template: 'ruby-rails', port: 3000, deploy: 'docker compose up -d --build', lines: ['FROM ruby:3.3-slim AS base', 'COPY Gemfile Gemfile.lock ./'],
  },
  'laravel': {
    files: {
      'composer.json': json({ require: { php: '^8.2', 'laravel/framework': '^11.0' } }), 'composer.lock': '{}', artisan: '', 'public/index.php': '<?php',
      'package.json': json({ scripts: { build: 'vite build' }, devDependencies: { vite: '^5', 'laravel-vite-plugin': '^1' } }), 'package-lock.json': '{}',
    },
    template: 'php-laravel', port: 8080, lines: ['FROM php:8.3-apache AS runtime', 'CMD ["apache2-foreground"]'],
  },
  'phoenix': {
    files: { 'mix.exs': 'defmodule Shop.MixProject do\n  defp deps do\n    [{:phoenix, "~> 1.7"}]\n  end\nend\n', 'mix.lock': '' },
    template: null,
  },
};
