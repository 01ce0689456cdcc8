import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isScript, languageOf, parseScript } from '../../../../language-server/analyzer/source';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { scanDangerousCode } from '../../../../language-server/analyzer/security/code/scanDangerousCode';
import { scanSecrets } from '../../../../language-server/analyzer/security/secrets/scanSecrets';

const ROOT = path.join(__dirname, '../../../..');
const MODULES = path.join(ROOT, 'node_modules');
/** The analyzer skips files over 1 MB; so does this test. */
const MAX_BYTES = 1024 * 1024;

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') filesUnder(full, out);
    else if (entry.isFile() && statSync(full).size <= MAX_BYTES) out.push(full);
  }
  return out;
}

function directDependencies(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})].filter((name) => existsSync(path.join(MODULES, name)));
}

/** Real code written by others: every file of this repo's installed dependencies (JSON, docs, maps, localized messages...). */
describe('security scanners on the installed sources of real packages', () => {
  it('find no secrets in the direct dependencies but the test keys they ship (decoys: integrity hashes, localized messages, docs, test data)', () => {
    const files = directDependencies().flatMap((name) => filesUnder(path.join(MODULES, name)));
    assert.ok(files.length > 500, `only ${files.length} files installed`);
    const started = performance.now();
    const found = files.flatMap((file) => scanSecrets({ path: file, text: readFileSync(file, 'utf8'), language: languageOf(file) }));
    console.log(`      ${files.length} files scanned for secrets in ${(performance.now() - started).toFixed(0)} ms`);
    // A real key a package ships for its own TLS tests (autocannon/test/key.pem) is found, rightly: as a warning.
    const testKeys = found.filter((f) => f.ruleId === 'secret/private-key' && /[\\/]test[\\/]/.test(path.relative(MODULES, f.path)));
    assert.deepEqual(testKeys.map((f) => f.severity).filter((s) => s !== 'warning'), [], 'keys in test folders are warnings');
    assert.deepEqual(found.filter((f) => !testKeys.includes(f)).map((f) => `${f.ruleId} ${path.relative(MODULES, f.path)}:${f.line}`), []);
  });

  it('report the private keys in ssh2 test fixtures as warnings, not errors (when ssh2 is installed)', function () {
    const fixtures = path.join(MODULES, 'ssh2/test/fixtures');
    if (!existsSync(fixtures)) this.skip();
    const found = filesUnder(fixtures).flatMap((file) => scanSecrets({ path: file, text: readFileSync(file, 'utf8'), language: languageOf(file) }));
    assert.ok(found.length >= 10);
    assert.deepEqual([...new Set(found.map((f) => `${f.ruleId} ${f.severity}`))], ['secret/private-key warning']);
  });

  it('walk every JS/TS file of the direct dependencies without throwing, and print what they find', () => {
    const files = directDependencies().flatMap((name) => filesUnder(path.join(MODULES, name))).filter((file) => isScript(languageOf(file)));
    const counts = new Map<string, number>();
    const found: AnalyzerFinding[] = files.flatMap((file) => scanDangerousCode(parseScript(file, readFileSync(file, 'utf8')), file));
    for (const f of found) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    console.log(`      ${files.length} JS/TS files: ${[...counts].map(([id, n]) => `${id} ${n}`).join(', ') || 'no findings'}`);
    assert.ok(found.every((f) => f.category === 'security' && f.line >= 1 && f.column >= 1));
  });
});
