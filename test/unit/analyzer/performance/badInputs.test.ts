import assert from 'node:assert/strict';
import { PERFORMANCE_RULES } from '../../../../language-server/analyzer/performance/rules';
import { scan } from './scan';

describe('performance rules: bad inputs', () => {
  it('survives invalid syntax and still reports what it can recognise', () => {
    const code = "const fs = require('fs');\napp.get('/x', (req, res) => { fs.readFileSync('a' ; }}}\nfunction (((";
    const findings = scan(code, '/p/broken.js');
    assert.ok(Array.isArray(findings));
    assert.ok(findings.every((f) => f.ruleId in PERFORMANCE_RULES));
  });

  it('returns nothing for an empty file and for whitespace', () => {
    assert.deepEqual(scan(''), []);
    assert.deepEqual(scan('\n\n   \t\n'), []);
  });

  it('does not crash on binary content read as text', () => {
    let seed = 7;
    const bytes = Buffer.from(
      Array.from({ length: 64 * 1024 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed & 0xff;
      }),
    );
    assert.ok(Array.isArray(scan(bytes.toString('latin1'), '/p/blob.js')));
    assert.ok(Array.isArray(scan(bytes.toString('utf8'), '/p/blob.ts')));
  });

  it('walks a 50,000-term expression without overflowing the stack', () => {
    const code = `function f(req, res) { const x = ${Array.from({ length: 50_000 }, () => 'a').join(' + ')}; fs.readFileSync(x); }`;
    assert.ok(Array.isArray(scan(code)));
  });

  it('handles a file of 100,000 lines and finds the one problem in it', () => {
    const filler = Array.from({ length: 100_000 }, (_, i) => `const v${i} = ${i};`).join('\n');
    const code = `import fs from 'node:fs';\n${filler}\nexport function handler(req, res) { res.end(fs.readFileSync('/x')); }\n`;
    const findings = scan(code);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.line]), [['performance/sync-fs-in-handler', 100_002]]);
  });
});
