import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScript } from '../../../../language-server/analyzer/source';
import { scanDangerousCode } from '../../../../language-server/analyzer/security/code/scanDangerousCode';
import { scanSecrets } from '../../../../language-server/analyzer/security/secrets/scanSecrets';

const ROOT = path.join(__dirname, '../../../../language-server');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Figures only (speed is benchmarked in bench/, never asserted in tests): this repo's engine, repeated to 100k lines. */
describe('security scanners over 100k lines of real TypeScript', () => {
  it('prints how long the secrets and dangerous-code scans take', () => {
    const texts = tsFiles(ROOT).map((file) => readFileSync(file, 'utf8'));
    const lines = (text: string): number => text.split('\n').length;
    const corpus: string[] = [];
    for (let total = 0; total < 100_000; ) for (const text of texts) if (total < 100_000) { corpus.push(text); total += lines(text); }
    const time = <T>(fn: () => T): [T, number] => { const started = performance.now(); const out = fn(); return [out, performance.now() - started]; };
    const [secrets, secretsMs] = time(() => corpus.flatMap((text, i) => scanSecrets({ path: `/r/f${i}.ts`, text, language: 'typescript' })));
    const [parsed, parseMs] = time(() => corpus.map((text, i) => parseScript(`/r/f${i}.ts`, text)));
    const [dangers, dangerMs] = time(() => parsed.flatMap((source, i) => scanDangerousCode(source, `/r/f${i}.ts`)));
    console.log(`      ${corpus.reduce((n, t) => n + lines(t), 0)} lines in ${corpus.length} files: secrets ${secretsMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms, dangerous code ${dangerMs.toFixed(0)} ms (${secrets.length} + ${dangers.length} findings)`);
    assert.ok(Array.isArray(secrets) && Array.isArray(dangers));
  });
});
