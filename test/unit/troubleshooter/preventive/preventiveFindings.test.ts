import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { preventiveFindings } from '../../../../language-server/troubleshooter/preventive/preventiveFindings';
import { docAt, openDoc, rules, useProject, writeFiles } from './helpers';

describe('preventiveFindings: what one open document gets', () => {
  const dir = useProject('all');

  it('a source file: imports, env keys and module kind, sorted by position', async () => {
    await writeFiles(dir(), {
      'package.json': { name: 'app', type: 'module', dependencies: { lodash: '^4' } },
      '.env.example': 'API_KEY=\n', '.env': 'OTHER=1\n', '.nvmrc': '16\n',
    });
    const doc = await openDoc(dir(), 'src/index.js', "import _ from 'lodash';\nconst key = process.env.API_KEY;\nconst x = require('left-pad');\n");
    const findings = await preventiveFindings(doc, dir(), { installed: { node: '20.0.0' }, listening: [] });
    assert.deepEqual(findings.map((f) => `${f.line} ${f.ruleId}`), [
      '1 preventive/missing-package', '2 preventive/env-key-missing', '3 preventive/esm-cjs-mismatch', '3 preventive/undeclared-package',
    ]);
    assert.ok(findings.every((f) => f.category === 'quality' && f.path === doc.path));
  });

  it('the project\'s package.json: runtime, lockfile and port findings, from its unsaved text', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await writeFiles(dir(), {
        'package.json': { name: 'app' },
        'package-lock.json': { lockfileVersion: 3, packages: { '': { name: 'app' } } },
        '.nvmrc': '16\n',
      });
      const unsaved = `{\n  "name": "app",\n  "engines": { "node": ">=22" },\n  "scripts": { "dev": "node server.js --port ${port}" },\n  "dependencies": { "is-number": "^7.0.0" }\n}\n`;
      const doc = docAt(dir(), 'package.json', unsaved);
      const listening = [{ port, pid: process.pid, command: 'node server.js', projectPath: null }];
      const findings = await preventiveFindings(doc, dir(), { installed: { node: '20.0.0' }, listening });
      assert.deepEqual(findings.map((f) => `${f.line} ${f.ruleId}`), ['3 preventive/runtime-version', '4 preventive/port-taken', '5 preventive/lockfile-out-of-sync']);
      // the .nvmrc finding belongs to .nvmrc's own document
      const nvmrc = docAt(dir(), '.nvmrc', '16\n');
      assert.deepEqual(rules(await preventiveFindings(nvmrc, dir(), { installed: { node: '20.0.0' } })), ['preventive/runtime-version']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a package.json that is not the project\'s own gets no manifest-level findings', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app' }, 'sub/package.json': { engines: { node: '>=99' } } });
    const doc = docAt(dir(), path.join('sub', 'package.json'), '{ "engines": { "node": ">=99" } }');
    assert.deepEqual(await preventiveFindings(doc, dir(), { installed: { node: '20.0.0' } }), []);
  });

  it('a 2,000-line file checked again without changes reuses its parse and the parsed project files', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { lodash: '^4' } }, 'node_modules/lodash/package.json': { version: '4.17.21' }, '.env.example': 'A=\n', '.env': 'A=1\n' });
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 50 === 0 ? `import m${i} from 'lodash/fp/m${i}';` : `export function f${i}(a) { return a.map((x) => x * ${i}).filter(Boolean) + process.env.A; }`));
    const doc = await openDoc(dir(), 'src/big.js', lines.join('\n'));
    const first = await preventiveFindings(doc, dir(), { installed: {}, listening: [] });
    const started = process.hrtime.bigint();
    const again = await preventiveFindings(doc, dir(), { installed: {}, listening: [] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual(again, first);
    // a figure for the reader, not a pass mark (timing belongs in bench/)
    console.log(`      repeat check of a 2,000-line file: ${ms.toFixed(2)} ms`);
  });
});
