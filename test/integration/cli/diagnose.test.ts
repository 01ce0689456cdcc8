import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildOnce, REPO, type CliRun } from '../helpers/cli';
import { useTempDir } from '../helpers/tempDir';

/** The built CLI with `input` on its stdin. */
function optimusWithInput(args: string[], input: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'optimus.js'), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const EADDRINUSE = "Error: listen EADDRINUSE: address already in use :::3000\n    at Server.setupListenHandle [as _listen2] (node:net:1817:16)\n    at Object.<anonymous> (/home/me/shop/server.js:41:5)\n    at Module._compile (node:internal/modules/cjs/loader:1364:14)";

interface DiagnoseJson {
  id: string;
  title: string;
  confidence: number;
  explanation: string;
  fixes: Array<{ title: string; kind: string; command?: string }>;
  frames: Array<{ file: string; line: number; column: number | null; function: string | null; userCode: boolean }>;
  alternatives: Array<{ id: string; confidence: number }>;
}

describe('optimus diagnose (the CLI contract)', function () {
  this.timeout(60_000);
  before(buildOnce);
  const tmp = useTempDir('cli-diagnose');
  const env = () => ({ OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });
  const run = (args: string[], input = '') => optimusWithInput([...args, '--db', ':memory:'], input, env());

  it('bad usage first: two texts, an empty text, TEXT with --batch, --batch without --json — exit 2, nothing on stdout', async () => {
    for (const args of [['diagnose', 'a', 'b', '--json'], ['diagnose', '', '--json'], ['diagnose', 'x', '--json', '--batch'], ['diagnose', '--batch']]) {
      const r = await run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
    }
    const empty = await run(['diagnose', '-', '--json'], '   \n');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /stdin was empty/);
  });

  it('TEXT --json prints exactly the documented document, with frames and the user frame marked', async () => {
    const r = await run(['diagnose', EADDRINUSE, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout) as DiagnoseJson;
    assert.deepEqual(Object.keys(d), ['id', 'title', 'confidence', 'explanation', 'fixes', 'frames', 'alternatives']);
    assert.equal(d.id, 'port-in-use');
    assert.ok(d.confidence > 0.8 && d.confidence <= 1);
    assert.ok(d.fixes.every((f) => ['command', 'edit', 'guide'].includes(f.kind)));
    assert.deepEqual(d.frames.filter((f) => f.userCode).map((f) => [f.file, f.line, f.column]), [['/home/me/shop/server.js', 41, 5]]);
    assert.ok(d.frames.some((f) => !f.userCode && f.file.startsWith('node:')));
  });

  it('- reads the text from stdin; the same text gives the same answer', async () => {
    const fromStdin = await run(['diagnose', '-', '--json'], EADDRINUSE);
    const fromArg = await run(['diagnose', EADDRINUSE, '--json']);
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout, fromArg.stdout);
  });

  it('--json --batch answers one line per input line, in order, with an error line for a bad one, and exits 1 then', async () => {
    const input = [JSON.stringify({ text: EADDRINUSE }), '{"text": 42}', '', 'not json', JSON.stringify({ text: 'everything is fine' }), JSON.stringify({ text: "Error: Cannot find module 'express'" })].join('\n');
    const r = await run(['diagnose', '--json', '--batch'], input);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id?: string; error?: string });
    assert.deepEqual(lines.map((l) => l.id ?? `error: ${l.error}`), ['port-in-use', 'error: line 2 is not a JSON object with a "text" string', 'error: line 4 is not a JSON object with a "text" string', 'unknown', 'node-module-not-found']);
  });

  it('reads the user knowledge files: a new diagnosis works, a broken file is a note on stderr and changes nothing else', async () => {
    const dir = path.join(tmp(), 'home', 'knowledge');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'flux-capacitor.yaml'), "title: Flux capacitor\nsummary: The flux capacitor is out of flux.\nexplanation: It needs 1.21 gigawatts.\npatterns:\n  - 'FLUX_LOW'\nfixes:\n  - title: Find a lightning bolt\n    kind: guide\n    guide: Wait for the clock tower.\n");
    await writeFile(path.join(dir, 'broken.yaml'), 'title: [');
    const r = await run(['diagnose', 'fatal: FLUX_LOW at 88 mph', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as DiagnoseJson).id, 'flux-capacitor');
    assert.match(r.stderr, /note: Knowledge file .*broken\.yaml is not valid YAML/);
  });

  it('without --json prints the cause, the user frame and the fixes for a person', async () => {
    const r = await run(['diagnose', EADDRINUSE]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Port already in use \(port-in-use, confidence \d+%\)/);
    assert.match(r.stdout, /Port 3000 is already taken/);
    assert.match(r.stdout, /In your code: \/home\/me\/shop\/server\.js:41:5/);
    assert.match(r.stdout, /Fixes:\n {2}1\. /);
  });
});
