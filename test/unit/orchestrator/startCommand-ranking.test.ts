import assert from 'node:assert/strict';
import { hostPort } from '../../../language-server/orchestrator/startCommand/compose';
import { detectStartCommands } from '../../../language-server/orchestrator/startCommand/detect';
import { goListenPort, shellArg } from '../../../language-server/orchestrator/startCommand/native';
import { portFromCommand } from '../../../language-server/orchestrator/startCommand/ports';
import { kindOf } from '../../../language-server/orchestrator/startCommand/resolve';
import { procfileWeb, runRecipe } from '../../../language-server/orchestrator/startCommand/scripts';
import { useTrees } from './helpers';

describe('start commands: ranking and ports', () => {
  const tree = useTrees();

  it('ranks package scripts, deno tasks, compose, make, framework servers, Procfile, then plain language runs', async () => {
    const dir = await tree({
      'go.mod': 'module x\n', 'main.go': 'package main\n',
      'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n', 'src/main.rs': 'fn main() {}',
      'Procfile': 'web: node server.js\n',
      'manage.py': '', 'Gemfile': "gem 'rails'\n", 'artisan': '', 'mix.exs': '{:phoenix, "~> 1.7"}',
      'Makefile': 'run:\n\t./run.sh\n',
      'docker-compose.yml': 'services: {}\n',
      'deno.json': '{ "tasks": { "dev": "deno run main.ts" } }',
      'package.json': JSON.stringify({ scripts: { serve: 'serve -l 3000', start: 'node server.js', dev: 'vite' } }),
      'App.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>',
    });
    assert.deepEqual((await detectStartCommands(dir)).map((c) => c.source), [
      'package.json script dev', 'package.json script start', 'package.json script serve', 'deno task dev',
      'docker compose', 'Makefile run', 'django', 'rails', 'laravel', 'phoenix', 'Procfile web', 'cargo', 'go', 'dotnet',
    ]);
  });

  it('keeps only the better-ranked of two sources that give the same command', async () => {
    const dir = await tree({ 'Gemfile': 'gem "rails"\n', 'bin/rails': '', 'Procfile': 'web: bin/rails server\n' });
    assert.deepEqual((await detectStartCommands(dir)).map((c) => c.source), ['rails']);
  });

  describe('expected port from a command line', () => {
    const cases: [string, number | undefined][] = [
      ['vite', 5173], ['vite --host', 5173], ['vite dev', 5173], ['vite --port 3001', 3001], ['vite build', undefined], ['vite preview', 4173],
      ['vitest', undefined], ['next dev', 3000], ['next dev -p 4000', 4000], ['next start --port=4500', 4500], ['nuxt dev', 3000],
      ['react-scripts start', 3000], ['ng serve', 4200], ['astro dev', 4321], ['gatsby develop', 8000], ['webpack serve', 8080],
      ['PORT=4100 node server.js', 4100], ['cross-env PORT=4200 node index.js', 4200], ['export PORT=9001 && node .', 9001],
      ['python manage.py runserver', 8000], ['python manage.py runserver 0.0.0.0:8002', 8002], ['uvicorn main:app --reload', 8000],
      ['uvicorn main:app --port 9000', 9000], ['flask --app app run', 5000], ['flask run -p 5001', 5001],
      ['gunicorn app:app -b 0.0.0.0:8080', 8080], ['bin/rails server', 3000], ['bin/rails s -p 3100', 3100], ['php artisan serve', 8000],
      ['mix phx.server', 4000], ['hugo server', 1313], ['wrangler dev', 8787], ['parcel index.html', 1234],
      ['node server.js', undefined], ['tsc -p tsconfig.json', undefined], ['serve --port 99999', undefined], ['--port 0', undefined],
      ['http://localhost:7777/health', 7777], ['', undefined],
    ];
    for (const [command, port] of cases) {
      it(`${JSON.stringify(command)} → ${port ?? 'none'}`, () => assert.equal(portFromCommand(command), port));
    }
  });

  it('reads the host port of each compose ports form', () => {
    const cases: [unknown, number | undefined][] = [
      ['8080:80', 8080], ['127.0.0.1:8081:80', 8081], ['[::1]:8082:80', 8082], ['8083:80/tcp', 8083], ['8000-8001:8000-8001', 8000],
      ['${WEB_PORT:-8084}:80', 8084], ['${WEB_PORT}:80', undefined], ['80', undefined], [3000, undefined],
      [{ target: 80, published: 8085 }, 8085], [{ target: 80, published: '8086' }, 8086], [{ target: 80 }, undefined], [null, undefined], ['x:y', undefined],
    ];
    for (const [entry, port] of cases) assert.equal(hostPort(entry), port, JSON.stringify(entry));
  });

  it('reads the listen port of the common Go servers', () => {
    assert.equal(goListenPort('log.Fatal(http.ListenAndServe("localhost:8081", mux))'), 8081);
    assert.equal(goListenPort('e.Start(":1323")'), 1323);
    assert.equal(goListenPort('app.Listen(":3000")'), 3000);
    assert.equal(goListenPort('addr := os.Getenv("ADDR"); http.ListenAndServe(addr, nil)'), undefined);
  });

  it('tells a compose command from a process command', () => {
    assert.equal(kindOf('docker compose up'), 'compose');
    assert.equal(kindOf('docker-compose -f dev.yml up --build'), 'compose');
    assert.equal(kindOf('podman compose up -d'), 'compose');
    assert.equal(kindOf('docker compose run web rails c'), 'process');
    assert.equal(kindOf('npm run dev'), 'process');
    assert.equal(kindOf('echo docker compose up'), 'process');
  });

  it('reads Procfile and Makefile pieces', () => {
    assert.equal(procfileWeb('  web:   npm start  \n'), 'npm start');
    assert.equal(procfileWeb('webpack: x\n'), undefined);
    assert.equal(runRecipe('run::\n\tA\n\tB\nnext:\n\tC\n'), 'A\nB');
    assert.equal(runRecipe('run:\n'), '');
    assert.equal(runRecipe('run ?= 1\n'), undefined);
  });

  it('quotes shell arguments only when needed', () => {
    assert.equal(shellArg('./cmd/api'), './cmd/api');
    assert.equal(shellArg('My App.csproj'), '"My App.csproj"');
    assert.equal(shellArg('a"$b`\\'), '"a\\"\\$b\\`\\\\"');
  });
});
