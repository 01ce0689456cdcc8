import assert from 'node:assert/strict';
import path from 'node:path';
import { checkModuleKind } from '../../../../language-server/troubleshooter/preventive/checkModuleKind';
import { openDoc, places, useProject, writeFiles } from './helpers';

describe('preventive ESM/CJS mismatch', () => {
  const dir = useProject('esm');

  it('"type": "module" and require: an error at the first CommonJS construct, suggesting .cjs', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', type: 'module' } });
    const text = "// require('x') in a comment\nconst s = 'module.exports';\nimport fs from 'node:fs';\nconst express = require('express');\nmodule.exports = {};\n";
    const findings = await checkModuleKind(await openDoc(dir(), 'src/server.js', text), dir());
    assert.deepEqual(places(findings), ['4:17 preventive/esm-cjs-mismatch']);
    assert.equal(findings[0]?.severity, 'error');
    assert.deepEqual(findings[0]?.data, {
      packageType: 'module', construct: 'require', manifest: path.join(dir(), 'package.json'), suggestedName: path.join(dir(), 'src', 'server.cjs'),
    });
    assert.match(findings[0]?.message ?? '', /\.\.\/package\.json sets "type": "module".*rename it to server\.cjs/);
  });

  it('each CommonJS construct counts: module.exports, exports.x, __dirname, __filename', async () => {
    await writeFiles(dir(), { 'package.json': { type: 'module' } });
    const cases: [string, string][] = [['module.exports = 1;', 'module.exports'], ['exports.run = () => 1;', 'exports'], ['console.log(__dirname);', '__dirname'], ['const f = { __filename };', '__filename']];
    for (const [text, construct] of cases) {
      const [finding] = await checkModuleKind(await openDoc(dir(), `${construct.replace('.', '-')}.js`, text), dir());
      assert.equal(finding?.data?.construct, construct, text);
    }
  });

  it('names the file declares or guards are fine in an ES module', async () => {
    await writeFiles(dir(), { 'package.json': { type: 'module' } });
    const texts = [
      "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst pkg = require('./package.json');",
      "import { fileURLToPath } from 'node:url';\nconst __filename = fileURLToPath(import.meta.url);\nconst __dirname = path.dirname(__filename);\nconsole.log(__dirname);",
      "if (typeof module !== 'undefined' && module.exports) { module.exports = lib; }",
      'const config = { require: true, exports: [] };\nconfig.require = false;\nobj.module.exports = 1;',
      "function load(require) { return require('x'); }",
    ];
    for (const [i, text] of texts.entries()) assert.deepEqual(await checkModuleKind(await openDoc(dir(), `ok${i}.js`, text), dir()), [], text);
  });

  it('import statements in a CommonJS package: an error with "type": "commonjs", a warning without a type', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'tool', type: 'commonjs' } });
    const text = "'use strict';\nimport { readFile } from 'node:fs/promises';\nexport const x = 1;\n";
    const [strict] = await checkModuleKind(await openDoc(dir(), 'index.js', text), dir());
    assert.deepEqual([strict?.line, strict?.column, strict?.severity, strict?.data?.fixEdit, strict?.data?.packageType], [2, 1, 'error', 'set-type-module', 'commonjs']);
    await writeFiles(dir(), { 'package.json': { name: 'tool' } });
    const [loose] = await checkModuleKind(await openDoc(dir(), 'cli.js', 'export default function main() {}\n'), dir());
    assert.deepEqual([loose?.severity, loose?.data?.packageType, loose?.data?.construct, loose?.data?.suggestedName], ['warning', 'none', 'export', path.join(dir(), 'cli.mjs')]);
  });

  it('not judged: .mjs/.cjs/.ts files, bundled projects, browser folders, the right syntax, no package.json', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'web', devDependencies: { vite: '^5' } } });
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'src/main.js', "import App from './App';\n"), dir()), []);
    await writeFiles(dir(), { 'package.json': { name: 'plain' } });
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'public/sw.js', "import x from './x.js';\n"), dir()), []);
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'a.mjs', "import x from './x.js';\n"), dir()), []);
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'b.ts', "import x from './x';\n"), dir()), []);
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'c.js', "const x = require('./x');\nmodule.exports = x;\n"), dir()), []);
    await writeFiles(dir(), { 'package.json': { type: 'module' } });
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'd.cjs', "module.exports = require('./x');\n"), dir()), []);
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'e.js', "const x = await import('./x.js');\nexport default x;\n"), dir()), []);
  });

  it('a bundled ES package still hears about require, as a warning; so do config files', async () => {
    await writeFiles(dir(), { 'package.json': { type: 'module', devDependencies: { webpack: '^5' } } });
    const [bundled] = await checkModuleKind(await openDoc(dir(), 'src/a.js', "const x = require('x');\n"), dir());
    assert.equal(bundled?.severity, 'warning');
    await writeFiles(dir(), { 'package.json': { type: 'module' } });
    const [config] = await checkModuleKind(await openDoc(dir(), 'postcss.config.js', 'module.exports = { plugins: [] };\n'), dir());
    assert.equal(config?.severity, 'warning');
  });

  it('the nearest package.json decides, as in Node', async () => {
    await writeFiles(dir(), { 'package.json': { type: 'module' }, 'legacy/package.json': { type: 'commonjs' } });
    assert.deepEqual(await checkModuleKind(await openDoc(dir(), 'legacy/old.js', "module.exports = require('./x');\n"), dir()), []);
  });
});
