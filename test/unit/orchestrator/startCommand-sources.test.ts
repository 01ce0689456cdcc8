import assert from 'node:assert/strict';
import path from 'node:path';
import { detectStartCommands } from '../../../language-server/orchestrator/startCommand/detect';
import type { StartCandidate } from '../../../language-server/orchestrator/startCommand/types';
import { useTrees } from './helpers';

type Brief = Pick<StartCandidate, 'command' | 'source' | 'kind'> & { expectedPort?: number };

function brief(candidates: readonly StartCandidate[]): Brief[] {
  return candidates.map((c) => ({ command: c.command, source: c.source, kind: c.kind, ...(c.expectedPort ? { expectedPort: c.expectedPort } : {}) }));
}

const VITE_APP = JSON.stringify({
  name: 'shop', private: true, type: 'module',
  scripts: { dev: 'vite', build: 'tsc -b && vite build', preview: 'vite preview', lint: 'eslint .' },
  devDependencies: { vite: '^5.2.0' },
});

describe('start commands: each source', () => {
  const tree = useTrees();

  describe('package.json scripts with the package manager in use', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['npm (package-lock.json)', { 'package-lock.json': '{}' }, 'npm run dev'],
      ['npm (no lockfile)', {}, 'npm run dev'],
      ['pnpm (pnpm-lock.yaml)', { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }, 'pnpm dev'],
      ['yarn (yarn.lock)', { 'yarn.lock': '# yarn lockfile v1\n' }, 'yarn dev'],
      ['bun (bun.lockb)', { 'bun.lockb': 'x' }, 'bun run dev'],
      ['bun (bun.lock)', { 'bun.lock': '{}' }, 'bun run dev'],
    ];
    for (const [name, files, command] of cases) {
      it(name, async () => {
        const dir = await tree({ 'package.json': VITE_APP, ...files });
        assert.deepEqual(brief(await detectStartCommands(dir)), [{ command, source: 'package.json script dev', kind: 'process', expectedPort: 5173 }]);
      });
    }

    it('prefers the packageManager field over a lockfile', async () => {
      const pkg = JSON.stringify({ packageManager: 'yarn@4.1.0+sha256.abc', scripts: { start: 'next start' } });
      const dir = await tree({ 'package.json': pkg, 'package-lock.json': '{}' });
      assert.deepEqual((await detectStartCommands(dir)).map((c) => [c.command, c.expectedPort]), [['yarn start', 3000]]);
    });

    it('takes the lockfile of the monorepo a workspace member belongs to', async () => {
      const root = await tree({
        'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
        'pnpm-lock.yaml': '',
        'apps/web/package.json': JSON.stringify({ scripts: { dev: 'next dev --turbo' } }),
      });
      assert.deepEqual((await detectStartCommands(path.join(root, 'apps/web'))).map((c) => [c.command, c.cwd]), [['pnpm dev', path.join(root, 'apps/web')]]);
    });

    it('offers dev, start and serve, in that order, each with the port its script names', async () => {
      const scripts = { serve: 'vue-cli-service serve', start: 'cross-env PORT=4001 node server.js', dev: 'nodemon server.js', test: 'jest' };
      const dir = await tree({ 'package.json': JSON.stringify({ scripts }) });
      assert.deepEqual(brief(await detectStartCommands(dir)), [
        { command: 'npm run dev', source: 'package.json script dev', kind: 'process' },
        { command: 'npm run start', source: 'package.json script start', kind: 'process', expectedPort: 4001 },
        { command: 'npm run serve', source: 'package.json script serve', kind: 'process', expectedPort: 8080 },
      ]);
    });
  });

  it('docker compose: each default file name, the port published by the web service', async () => {
    for (const file of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']) {
      const compose = [
        'services:', '  db:', '    image: postgres:16', '    ports:', '      - "5432:5432"',
        '  web:', '    build: .', '    ports:', '      - target: 8000', '        published: "8001"', '    depends_on: [db]', '',
      ].join('\n');
      const dir = await tree({ [file]: compose });
      const [candidate] = await detectStartCommands(dir);
      assert.deepEqual(brief(candidate ? [candidate] : []), [{ command: 'docker compose up', source: 'docker compose', kind: 'compose', expectedPort: 8001 }], file);
      assert.match(candidate?.label ?? '', new RegExp(file.replace('.', '\\.')));
    }
  });

  describe('Django', () => {
    const manage = '#!/usr/bin/env python\nimport os, sys\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n';

    it('uses the project virtual environment when it has one', async () => {
      const dir = await tree({ 'manage.py': manage, 'requirements.txt': 'Django==5.0\n', '.venv/bin/python': '#!/bin/sh\n', 'mysite/settings.py': '' });
      assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: '.venv/bin/python manage.py runserver', source: 'django', kind: 'process', expectedPort: 8000 }]);
    });

    it('uses python from PATH without one, and a Windows venv as Windows lays it out', async () => {
      assert.equal((await detectStartCommands(await tree({ 'manage.py': manage })))[0]?.command, 'python manage.py runserver');
      const windows = await tree({ 'manage.py': manage, 'venv/Scripts/python.exe': 'MZ' });
      assert.equal((await detectStartCommands(windows))[0]?.command, 'venv\\Scripts\\python.exe manage.py runserver');
    });
  });

  describe('FastAPI / uvicorn', () => {
    it('finds the app object in main.py', async () => {
      const dir = await tree({ 'main.py': 'from fastapi import FastAPI\n\napp = FastAPI(title="Todo")\n\n@app.get("/")\ndef root():\n    return {}\n' });
      assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'uvicorn main:app --reload', source: 'fastapi', kind: 'process', expectedPort: 8000 }]);
    });

    it('finds it in app/main.py under another name, through the venv', async () => {
      const dir = await tree({ 'app/main.py': 'import fastapi\napi = fastapi.FastAPI()\n', 'app/__init__.py': '', '.venv/bin/python': '' });
      assert.equal((await detectStartCommands(dir))[0]?.command, '.venv/bin/python -m uvicorn app.main:api --reload');
    });

    it('points uvicorn at src/ for a src layout', async () => {
      const dir = await tree({ 'src/main.py': 'from fastapi import FastAPI\napp: FastAPI = FastAPI()\n' });
      assert.equal((await detectStartCommands(dir))[0]?.command, 'uvicorn main:app --reload --app-dir src');
    });
  });

  describe('Flask', () => {
    it('app.py with app = Flask(__name__)', async () => {
      const dir = await tree({ 'app.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef hi():\n    return "hi"\n' });
      assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'flask --app app run', source: 'flask', kind: 'process', expectedPort: 5000 }]);
    });

    it('names the variable when it is not app', async () => {
      const dir = await tree({ 'wsgi.py': 'import flask\napplication = flask.Flask(__name__)\n', '.venv/bin/python': '' });
      assert.equal((await detectStartCommands(dir))[0]?.command, '.venv/bin/python -m flask --app wsgi:application run');
    });
  });

  it('cargo run for a binary crate', async () => {
    const dir = await tree({ 'Cargo.toml': '[package]\nname = "api"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\naxum = "0.7"\n', 'src/main.rs': 'fn main() {}\n' });
    assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'cargo run', source: 'cargo', kind: 'process' }]);
  });

  describe('Go', () => {
    it('go run . for a main package, with the port it listens on', async () => {
      const main = 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8090", nil)\n}\n';
      const dir = await tree({ 'go.mod': 'module example.com/api\n\ngo 1.22\n', 'main.go': main });
      assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'go run .', source: 'go', kind: 'process', expectedPort: 8090 }]);
    });

    it('one go run per cmd/<name> program', async () => {
      const dir = await tree({
        'go.mod': 'module example.com/svc\n', 'cmd/api/main.go': 'package main\nfunc main() { r.Run(":8080") }\n',
        'cmd/worker/main.go': 'package main\nfunc main() {}\n', 'cmd/README': { folder: true },
      });
      assert.deepEqual((await detectStartCommands(dir)).map((c) => [c.id, c.command, c.expectedPort]), [
        ['go#cmd/api', 'go run ./cmd/api', 8080],
        ['go#cmd/worker', 'go run ./cmd/worker', undefined],
      ]);
    });
  });

  it('Procfile web line, with its port', async () => {
    const dir = await tree({ 'Procfile': 'release: python manage.py migrate\nweb: gunicorn mysite.wsgi --bind 0.0.0.0:8005 --log-file -\nworker: celery -A mysite worker\n' });
    assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'gunicorn mysite.wsgi --bind 0.0.0.0:8005 --log-file -', source: 'Procfile web', kind: 'process', expectedPort: 8005 }]);
  });

  it('Makefile run target, with the port of its recipe (CRLF line ends too)', async () => {
    const dir = await tree({ 'Makefile': '.PHONY: run build\r\nbuild:\r\n\tgo build ./...\r\nrun: build\r\n\t./bin/server --port=7070\r\n\r\ntest:\r\n\tgo test ./...\r\n' });
    assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'make run', source: 'Makefile run', kind: 'process', expectedPort: 7070 }]);
  });

  it('Rails: bin/rails server, or bundle exec without the binstub', async () => {
    const gemfile = 'source "https://rubygems.org"\nruby "3.3.0"\ngem "rails", "~> 7.1.3"\ngem "pg"\n';
    const dir = await tree({ 'Gemfile': gemfile, 'bin/rails': '#!/usr/bin/env ruby\n', 'config/application.rb': '' });
    assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'bin/rails server', source: 'rails', kind: 'process', expectedPort: 3000 }]);
    assert.equal((await detectStartCommands(await tree({ 'Gemfile': gemfile })))[0]?.command, 'bundle exec rails server');
  });

  it('Laravel: php artisan serve', async () => {
    const dir = await tree({ 'artisan': '#!/usr/bin/env php\n<?php\n', 'composer.json': JSON.stringify({ require: { 'laravel/framework': '^11.0' } }) });
    assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'php artisan serve', source: 'laravel', kind: 'process', expectedPort: 8000 }]);
  });

  it('Phoenix: mix phx.server', async () => {
    const mix = 'defmodule Hello.MixProject do\n  defp deps do\n    [\n      {:phoenix, "~> 1.7.10"},\n      {:ecto_sql, "~> 3.10"}\n    ]\n  end\nend\n';
    const dir = await tree({ 'mix.exs': mix });
    assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'mix phx.server', source: 'phoenix', kind: 'process', expectedPort: 4000 }]);
  });

  describe('.NET', () => {
    const csproj = '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n';
    const launch = JSON.stringify({ profiles: { http: { commandName: 'Project', applicationUrl: 'http://localhost:5123' }, https: { applicationUrl: 'https://localhost:7001;http://localhost:5123' } } });

    it('dotnet run, with the port from launchSettings.json', async () => {
      const dir = await tree({ 'Api.csproj': csproj, 'Properties/launchSettings.json': launch });
      assert.deepEqual(brief(await detectStartCommands(dir)), [{ command: 'dotnet run', source: 'dotnet', kind: 'process', expectedPort: 5123 }]);
    });

    it('one dotnet run --project per project file when there are several, quoted when needed', async () => {
      const dir = await tree({ 'Api.csproj': csproj, 'My Tool.fsproj': csproj });
      assert.deepEqual((await detectStartCommands(dir)).map((c) => c.command), ['dotnet run --project Api.csproj', 'dotnet run --project "My Tool.fsproj"']);
    });
  });

  it('Deno tasks, string and object form', async () => {
    const config = '{\n  // Deno 2 task forms\n  "tasks": {\n    "dev": "deno run --watch --allow-net main.ts --port 8800",\n    "start": { "command": "deno run --allow-net main.ts", "description": "serve" }\n  }\n}\n';
    const dir = await tree({ 'deno.jsonc': config });
    assert.deepEqual(brief(await detectStartCommands(dir)), [
      { command: 'deno task dev', source: 'deno task dev', kind: 'process', expectedPort: 8800 },
      { command: 'deno task start', source: 'deno task start', kind: 'process' },
    ]);
  });

  it('fills cwd with the absolute project folder and gives every candidate a distinct id', async () => {
    const dir = await tree({ 'package.json': VITE_APP, 'compose.yml': 'services: {}\n', 'Makefile': 'run:\n\tnpm run dev\n' });
    const candidates = await detectStartCommands(path.relative(process.cwd(), dir));
    assert.ok(candidates.every((c) => c.cwd === dir));
    assert.equal(new Set(candidates.map((c) => c.id)).size, candidates.length);
  });
});
