import assert from 'node:assert/strict';
import { ruleIds, scan } from './scan';

describe('performance/sync-*-in-handler and -in-loop', () => {
  it('flags sync fs in an express handler, with position and the async alternative', () => {
    const code = "import fs from 'node:fs';\napp.get('/users', (req, res) => {\n  res.send(fs.readFileSync('/data/users.json'));\n});\n";
    const [finding] = scan(code);
    assert.equal(finding?.ruleId, 'performance/sync-fs-in-handler');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual([finding?.line, finding?.column], [3, 12]);
    assert.match(finding?.message ?? '', /readFileSync.*fs\.promises\.readFile/);
  });

  it('recognises handlers by (req, res), (request, reply), koa (ctx, next), registration and server factories', () => {
    const cases = [
      "const { readFileSync } = require('fs');\nfunction handle(req, res) { readFileSync('x'); }",
      "import { pbkdf2Sync } from 'crypto';\nfastify.post('/login', async (request, reply) => { pbkdf2Sync(p, s, 1e5, 64, 'sha512'); });",
      "const cp = require('child_process');\napp.use(async (ctx, next) => { cp.execSync('ls'); await next(); });",
      "import * as zlib from 'zlib';\nrouter.get('/z', ctx => { ctx.body = zlib.gzipSync(data); });",
      "import http from 'node:http';\nimport fs from 'fs';\nhttp.createServer(function (a, b) { fs.statSync('x'); });",
      "import fs from 'fs';\nfastify.route({ method: 'GET', url: '/', handler: function (q, r) { fs.readdirSync('.'); } });",
      "import fs from 'fs';\nexport async function GET() { return new Response(fs.readFileSync('x')); }",
      "import type { IncomingMessage } from 'http';\nimport fs from 'fs';\nfunction h(m: IncomingMessage) { fs.existsSync('x'); }",
      "import { execSync } from 'node:child_process';\nclass C { @Get(':id') find() { return execSync('ls'); } }",
    ];
    const expected = ['fs', 'crypto', 'child-process', 'zlib', 'fs', 'fs', 'fs', 'fs', 'child-process'].map((g) => [`performance/sync-${g}-in-handler`]);
    assert.deepEqual(cases.map((c) => ruleIds(c)), expected);
  });

  it('keeps the handler context in callbacks nested inside the handler', () => {
    const code = "const fs = require('fs');\napp.post('/x', (req, res) => { db.query(sql, (err, rows) => { fs.writeFileSync('log', rows); }); });";
    assert.deepEqual(ruleIds(code), ['performance/sync-fs-in-handler']);
  });

  it('flags sync calls in loops and array callbacks inside functions, as info', () => {
    const code = "const fs = require('fs');\nfunction load(files) {\n  for (const f of files) fs.readFileSync(f);\n  return files.map((f) => require('fs').statSync(f));\n}";
    const findings = scan(code);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.line]), [
      ['performance/sync-fs-in-loop', 'info', 3],
      ['performance/sync-fs-in-loop', 'info', 4],
    ]);
  });

  it('leaves alone: module-level startup code, sync calls outside loops/handlers, async APIs, other objects', () => {
    const code = [
      "import fs from 'fs';",
      "const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));",
      "for (const f of ['a', 'b']) fs.readFileSync(f);",
      "function once() { return fs.readFileSync('x'); }",
      "app.get('/a', async (req, res) => { res.send(await fs.promises.readFile('x')); });",
      "app.get('/b', (req, res) => { res.send(myLib.readFileSync('x')); });",
      "function later(items) { for (const i of items) setTimeout(() => fs.readFileSync(i), 10); }",
      "cache.get('/key', () => fs.readFileSync('x'));",
    ].join('\n');
    assert.deepEqual(ruleIds(code), []);
  });

  it('does not treat a lone ctx parameter (a canvas context) as a handler', () => {
    const code = "import fs from 'fs';\nfunction draw(ctx) { ctx.fillRect(0, 0, 1, 1); fs.readFileSync('x'); }";
    assert.deepEqual(ruleIds(code), []);
  });
});
