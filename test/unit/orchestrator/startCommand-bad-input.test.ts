import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { detectStartCommands, detectWithFindings } from '../../../language-server/orchestrator/startCommand/detect';
import { useTrees } from './helpers';

describe('start commands: bad input', () => {
  const tree = useTrees();

  it('gives no candidate and a finding naming the file for a package.json that is not JSON', async () => {
    const dir = await tree({ 'package.json': '{ "scripts": { "dev": "vite", }', 'pnpm-lock.yaml': '' });
    const { candidates, findings } = await detectWithFindings(dir);
    assert.deepEqual(candidates, []);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.file, path.join(dir, 'package.json'));
    assert.match(findings[0]?.message ?? '', /package\.json is not valid JSON/);
  });

  for (const [what, scripts] of [['a list', ['vite']], ['a string', 'vite'], ['a number', 3], ['null', null]] as const) {
    it(`ignores "scripts" when it is ${what}, with a finding, and still finds other sources`, async () => {
      const dir = await tree({ 'package.json': JSON.stringify({ scripts }), 'compose.yaml': 'services: {}\n' });
      const { candidates, findings } = await detectWithFindings(dir);
      assert.deepEqual(candidates.map((c) => c.source), ['docker compose']);
      assert.equal(findings.length, 1);
      assert.match(findings[0]?.message ?? '', /"scripts" should be an object/);
    });
  }

  it('skips scripts that are not strings or are blank, keeping the good ones', async () => {
    const dir = await tree({ 'package.json': JSON.stringify({ scripts: { dev: { cmd: 'vite' }, start: '   ', serve: 'http-server -p 8081' } }) });
    const candidates = await detectStartCommands(dir);
    assert.deepEqual(candidates.map((c) => [c.command, c.expectedPort]), [['npm run serve', 8081]]);
  });

  it('does not follow a package.json whose top level is not an object', async () => {
    const dir = await tree({ 'package.json': '["dev"]' });
    const { candidates, findings } = await detectWithFindings(dir);
    assert.deepEqual(candidates, []);
    assert.match(findings[0]?.message ?? '', /should hold a JSON object at the top level, but holds a list/);
  });

  it('reports a binary package.json and a package.json that is a folder, and does not throw', async () => {
    const binary = await tree({ 'package.json': Buffer.from([0x7b, 0x00, 0x7d]) });
    assert.match((await detectWithFindings(binary)).findings[0]?.message ?? '', /binary data/);
    const folder = await tree({ 'package.json': { folder: true } });
    assert.match((await detectWithFindings(folder)).findings[0]?.message ?? '', /is a folder/);
  });

  it('still offers docker compose up for a compose file that does not parse, without a port', async () => {
    const dir = await tree({ 'docker-compose.yml': 'services:\n  web:\n    ports: [\n' });
    const { candidates, findings } = await detectWithFindings(dir);
    assert.deepEqual(candidates.map((c) => [c.command, c.kind, c.expectedPort]), [['docker compose up', 'compose', undefined]]);
    assert.match(findings[0]?.message ?? '', /not valid YAML/);
  });

  it('ignores deno tasks that are not an object, and a Cargo.toml that is not TOML', async () => {
    const dir = await tree({ 'deno.json': '{ "tasks": ["dev"] }', 'Cargo.toml': '[package\nname = "x"', 'src/main.rs': 'fn main() {}' });
    const { candidates, findings } = await detectWithFindings(dir);
    assert.deepEqual(candidates, []);
    assert.deepEqual(findings.map((f) => path.basename(f.file ?? '')).sort(), ['Cargo.toml', 'deno.json']);
  });

  it('finds nothing (and does not throw) in a folder that does not exist or is empty', async () => {
    const dir = await tree({});
    assert.deepEqual(await detectStartCommands(dir), []);
    assert.deepEqual(await detectWithFindings(path.join(dir, 'gone')), { candidates: [], findings: [] });
  });

  it('uses the listing it is given rather than reading the folder again', async () => {
    const dir = await tree({ 'package.json': JSON.stringify({ scripts: { dev: 'vite' } }), 'Makefile': 'run:\n\techo hi\n' });
    assert.deepEqual((await detectStartCommands(dir, ['Makefile'])).map((c) => c.command), ['make run']);
    assert.deepEqual((await detectStartCommands(dir, await readdir(dir))).map((c) => c.command), ['npm run dev', 'make run']);
  });

  it('does not take a Makefile variable or a rule that only starts with "run" for a run target', async () => {
    const dir = await tree({ 'Makefile': 'run := ./app\nrunner:\n\techo no\nrun_tests:\n\techo no\n' });
    assert.deepEqual(await detectStartCommands(dir), []);
  });

  it('ignores a Procfile without a web line, a Gemfile without rails and a mix.exs without phoenix', async () => {
    const dir = await tree({
      'Procfile': 'worker: bundle exec sidekiq\n# web: nope\n',
      'Gemfile': "source 'https://rubygems.org'\ngem 'sinatra'\n# gem 'rails'\n",
      'mix.exs': 'defp deps do\n  [{:plug_cowboy, "~> 2.0"}]\nend\n',
    });
    assert.deepEqual(await detectStartCommands(dir), []);
  });

  it('gives no cargo run for a library crate or a workspace root', async () => {
    const lib = await tree({ 'Cargo.toml': '[package]\nname = "lib"\nversion = "0.1.0"\n', 'src/lib.rs': '' });
    assert.deepEqual(await detectStartCommands(lib), []);
    const workspace = await tree({ 'Cargo.toml': '[workspace]\nmembers = ["a"]\n', 'src/main.rs': '' });
    assert.deepEqual(await detectStartCommands(workspace), []);
  });

  it('does not find a FastAPI or Flask app in a file that only mentions them', async () => {
    const dir = await tree({ 'main.py': '# app = FastAPI()\nimport flask\nx = "Flask("\n' });
    assert.deepEqual(await detectStartCommands(dir), []);
  });
});
