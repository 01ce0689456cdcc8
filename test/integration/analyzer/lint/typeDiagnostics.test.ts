import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { documentTypeDiagnostics } from '../../../../language-server/analyzer/lint/documentTypeDiagnostics';
import { disposeDocumentServices, releaseDocumentOverlay } from '../../../../language-server/analyzer/lint/tsDocumentService';
import { disposeTypeProjects, typeDiagnostics } from '../../../../language-server/analyzer/lint/typeDiagnostics';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { writeTree } from '../../helpers/files';
import { useTempDir } from '../../helpers/tempDir';

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', noEmit: true, skipLibCheck: true }, include: ['src'] });
const codes = (findings: readonly AnalyzerFinding[]): string[] => findings.map((f) => `${f.ruleId} ${path.basename(f.path)}:${f.line}:${f.column}`).sort();

describe('lint: TypeScript type diagnostics', function () {
  this.timeout(60_000);
  const tmp = useTempDir('tsdiag');
  const config = (): string => path.join(tmp(), 'tsconfig.json');
  afterEach(() => {
    disposeTypeProjects();
    disposeDocumentServices();
  });

  it('reports a type error across files as ts/<code> with a flattened message, and nothing for clean files', async () => {
    await writeTree(tmp(), {
      'tsconfig.json': TSCONFIG,
      'src/shape.ts': 'export interface Shape { size: number; label: string }\n',
      'src/use.ts': 'import type { Shape } from "./shape.js";\nexport const s: Shape = { size: "big", label: "x" };\n',
      'src/ok.ts': 'export const n: number = 1;\n',
    });
    const report = await typeDiagnostics(config());
    assert.deepEqual(codes(report.findings), ['ts/2322 use.ts:2:27']);
    const [f] = report.findings;
    assert.equal(f?.category, 'quality');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.path, path.join(tmp(), 'src/use.ts'));
    assert.deepEqual([f?.endLine, f?.endColumn], [2, 31]);
    assert.equal(f?.message, "Type 'string' is not assignable to type 'number'.");
    assert.equal(report.filesChecked, 3);
    assert.deepEqual(report.notes, []);
  });

  it('flattens message chains and reports syntax and tsconfig errors', async () => {
    await writeTree(tmp(), {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, notAnOption: true }, include: ['src'] }),
      'src/a.ts': 'const f = (x: { a: { b: number } }) => x;\nf({ a: { b: "s" } });\nlet broken: = 1;\n',
    });
    const report = await typeDiagnostics(config());
    assert.ok(report.findings.some((f) => f.ruleId === 'ts/5023' && f.path === config()), JSON.stringify(report.findings));
    assert.ok(report.findings.some((f) => f.ruleId === 'ts/1110' && f.line === 3));
    assert.ok(report.findings.some((f) => f.ruleId === 'ts/2322' && f.line === 2));
  });

  it('a re-run after an edit reuses the cached program and sees the change', async () => {
    await writeTree(tmp(), { 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export const a: number = 1;\n', 'src/b.ts': 'import { a } from "./a.js";\nexport const b: number = a;\n' });
    const t0 = performance.now();
    assert.deepEqual(codes((await typeDiagnostics(config())).findings), []);
    const t1 = performance.now();
    await writeFile(path.join(tmp(), 'src/a.ts'), 'export const a: string = "now a string";\n');
    const again = await typeDiagnostics(config());
    console.log(`      first run ${(t1 - t0).toFixed(0)} ms, re-run after an edit ${(performance.now() - t1).toFixed(0)} ms`);
    assert.deepEqual(codes(again.findings), ['ts/2322 b.ts:2:14']);
    const narrowed = await typeDiagnostics(config(), [path.join(tmp(), 'src/a.ts')]);
    assert.deepEqual(narrowed.findings, []);
    assert.equal(narrowed.filesChecked, 1);
  });

  it('stops at the time budget with a note, and rejects on an aborted signal', async () => {
    await writeTree(tmp(), { 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n' });
    const report = await typeDiagnostics(config(), undefined, { timeBudgetMs: 0 });
    assert.equal(report.stopped, 'time-budget');
    assert.match(report.notes.join('\n'), /time budget \(0 ms\) ran out before all 2 file/);
    await assert.rejects(typeDiagnostics(config(), undefined, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  it('an open document with unsaved text gets diagnostics for that text, and other files see it', async () => {
    await writeTree(tmp(), { 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export const a: number = 1;\n', 'src/b.ts': 'import { a } from "./a.js";\nexport const b: number = a;\n' });
    const a = path.join(tmp(), 'src/a.ts');
    const b = path.join(tmp(), 'src/b.ts');
    const clean = await documentTypeDiagnostics(config(), a, 'export const a: number = 1;\n');
    assert.deepEqual(clean.findings, []);
    const t0 = performance.now();
    const typing = await documentTypeDiagnostics(config(), a, 'export const a: number = "typing";\n');
    console.log(`      diagnostics after an unsaved change: ${(performance.now() - t0).toFixed(0)} ms`);
    assert.deepEqual(codes(typing.findings), ['ts/2322 a.ts:1:14']);
    const unsavedType = await documentTypeDiagnostics(config(), a, 'export const a: string = "typing";\n');
    assert.deepEqual(unsavedType.findings, []);
    assert.deepEqual(codes((await documentTypeDiagnostics(config(), b, 'import { a } from "./a.js";\nexport const b: number = a;\n')).findings), ['ts/2322 b.ts:2:14']);
    releaseDocumentOverlay(a);
    assert.deepEqual((await documentTypeDiagnostics(config(), b, 'import { a } from "./a.js";\nexport const b: number = a;\n')).findings, []);
  });
});
