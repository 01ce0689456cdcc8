import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { disableLineEdit } from '../../../../language-server/analyzer/lint/disableLine';
import { suggestionsOf } from '../../../../language-server/analyzer/lint/eslintFindings';
import { eslintModules } from '../../../../language-server/analyzer/lint/eslintModules';
import { closeEslintSessions } from '../../../../language-server/analyzer/lint/eslintSessions';
import { applyEdits, fixAllEdit } from '../../../../language-server/analyzer/lint/fixAll';
import { lintFiles } from '../../../../language-server/analyzer/lint/lintFiles';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { writeTree } from '../../helpers/files';
import { useTempDir } from '../../helpers/tempDir';

const rules = (findings: readonly AnalyzerFinding[], file?: string): string[] =>
  findings.filter((f) => !file || path.basename(f.path) === file).map((f) => `${f.ruleId}@${f.line}`).sort();

describe('lint: ESLint on real projects', function () {
  this.timeout(60_000);
  const tmp = useTempDir('lint');
  const project = (): string => path.join(tmp(), 'app');
  const cacheDir = (): string => path.join(tmp(), 'cache');
  afterEach(() => closeEslintSessions());

  it('uses the built-in set when the project has no config: no-unused-vars, no-undef, JSX, CommonJS and ESM globals', async () => {
    await writeTree(project(), {
      'src/a.js': 'const unused = 1;\nundefinedCall();\nmodule.exports = { dir: __dirname, doc: document.title, store: localStorage, raf: requestAnimationFrame, buf: Buffer.from("x") };\n',
      'src/view.jsx': 'export const View = () => <div>{missing}</div>;\n',
      'src/esm.mjs': 'import fs from "node:fs";\nexport const read = () => fs.readFileSync(process.cwd());\n',
    });
    const report = await lintFiles(project(), ['src/a.js', 'src/view.jsx', 'src/esm.mjs'], { trusted: true });
    assert.deepEqual(report.config, { kind: 'builtin' });
    assert.deepEqual(report.notes, []);
    assert.deepEqual(rules(report.findings), ['eslint/no-undef@1', 'eslint/no-undef@2', 'eslint/no-unused-vars@1']);
    const undef = report.findings.find((f) => f.ruleId === 'eslint/no-undef' && f.line === 2);
    assert.equal(undef?.severity, 'warning');
    assert.equal(undef?.category, 'quality');
    assert.equal(undef?.path, path.join(project(), 'src/a.js'));
    assert.deepEqual([undef?.column, undef?.endLine, undef?.endColumn], [1, 2, 14]);
    assert.equal(undef?.data?.['docsUrl'], 'https://eslint.org/docs/latest/rules/no-undef');
    assert.equal(report.filesLinted, 3);
  });

  it("uses the project's eslint.config.mjs when trusted, and refuses it with a note when not", async () => {
    await writeTree(project(), {
      'eslint.config.mjs': 'export default [{ files: ["**/*.js"], rules: { "no-var": "error" } }];\n',
      'a.js': 'var x = notDefined;\n',
    });
    const trusted = await lintFiles(project(), ['a.js'], { trusted: true });
    assert.deepEqual(trusted.config, { kind: 'project', file: path.join(project(), 'eslint.config.mjs') });
    assert.deepEqual(rules(trusted.findings), ['eslint/no-var@1']);
    assert.equal(trusted.findings[0]?.severity, 'error');
    assert.equal(trusted.findings[0]?.fix?.title, 'Fix: no-var');

    const untrusted = await lintFiles(project(), ['a.js'], { trusted: false });
    assert.deepEqual(untrusted.config, { kind: 'builtin' });
    assert.deepEqual(rules(untrusted.findings), ['eslint/no-undef@1', 'eslint/no-unused-vars@1']);
    assert.match(untrusted.notes.join('\n'), /eslint\.config\.mjs was not loaded because the workspace is not trusted/);
  });

  it("loads a project's eslint.config.ts (TypeScript syntax, through jiti on this Node)", async () => {
    await writeTree(project(), {
      'eslint.config.ts': 'import type { Linter } from "eslint";\nconst level: Linter.RuleSeverity = "error";\nexport default [{ files: ["**/*.js"], rules: { "no-var": level } }] satisfies Linter.Config[];\n',
      'a.js': 'var x = 1;\nexport { x };\n',
    });
    const report = await lintFiles(project(), ['a.js'], { trusted: true });
    assert.deepEqual(report.notes, []);
    assert.deepEqual(report.config, { kind: 'project', file: path.join(project(), 'eslint.config.ts') });
    assert.deepEqual(rules(report.findings), ['eslint/no-var@1']);
  });

  it('falls back to the built-in set with a note when the project config does not load', async () => {
    await writeTree(project(), { 'eslint.config.mjs': 'import "./missing-plugin.mjs";\nexport default [];\n', 'a.js': 'undefinedCall();\n' });
    const report = await lintFiles(project(), ['a.js'], { trusted: true });
    assert.deepEqual(report.config, { kind: 'builtin' });
    assert.match(report.notes.join('\n'), /eslint\.config\.mjs could not be loaded .*missing-plugin/);
    assert.deepEqual(rules(report.findings), ['eslint/no-undef@1']);
  });

  it('lints TS and TSX with the TypeScript parser and typescript-eslint rules', async () => {
    await writeTree(project(), {
      'src/a.ts': 'interface Shape { size: number }\nexport const area = <T,>(s: Shape & T): any => s.size as number;\nlet unusedTs: string = "x";\n',
      'src/b.tsx': 'export const B = (p: { n: number }) => <span>{p.n}</span>;\n',
    });
    const report = await lintFiles(project(), ['src/a.ts', 'src/b.tsx'], { trusted: true });
    assert.deepEqual(rules(report.findings), ['@typescript-eslint/no-explicit-any@2', '@typescript-eslint/no-unused-vars@3', 'eslint/prefer-const@3']);
    const any = report.findings.find((f) => f.ruleId === '@typescript-eslint/no-explicit-any');
    assert.deepEqual(suggestionsOf(any as AnalyzerFinding).map((s) => s.edits[0]?.text), ['unknown', 'never']);
  });

  it("autofix edits applied to the text give ESLint's own fixed output", async () => {
    // No fix here makes another possible (ESLint's output is up to 10 passes; one pass is what the edits give).
    const text = '\uFEFFlet a = 1;\r\nvar b = a;\r\nb++;\r\nif (typeof b == "number") { console.log(b) }\r\n// eslint-disable-next-line no-undef\r\nexport { a, b };\r\n';
    await writeTree(project(), { 'eslint.config.mjs': 'export default [{ linterOptions: { reportUnusedDisableDirectives: "warn" }, rules: { "prefer-const": "warn", "no-var": "warn", eqeqeq: ["warn", "always"] } }];\n', 'a.js': text });
    const report = await lintFiles(project(), ['a.js'], { trusted: true });
    assert.ok(report.findings.filter((f) => f.fix).length >= 3, JSON.stringify(report.findings));
    const { ESLint } = eslintModules();
    const [fixed] = await new ESLint({ cwd: project(), fix: true }).lintText(text, { filePath: path.join(project(), 'a.js') });
    const all = fixAllEdit(report.findings);
    assert.ok(all);
    assert.equal(applyEdits(text, all.edits), fixed?.output);
    const one = report.findings.find((f) => f.ruleId === 'eslint/prefer-const');
    assert.equal(applyEdits(text, one?.fix?.edits ?? []), text.replace('let a', 'const a'));
  });

  it('a disable-line edit silences the problem on a re-lint, in JS and inside JSX children', async () => {
    const js = 'function f() {\n    const x = 1;\n    return y;\n}\nf();\n';
    const jsx = 'export const V = () => (\n  <div>\n    <span>{missing}</span>\n  </div>\n);\n';
    await writeTree(project(), { 'a.js': js, 'v.jsx': jsx });
    const before = await lintFiles(project(), ['a.js', 'v.jsx'], { trusted: true });
    assert.deepEqual(rules(before.findings), ['eslint/no-undef@3', 'eslint/no-undef@3', 'eslint/no-unused-vars@2']);
    for (const [file, text] of [['a.js', js], ['v.jsx', jsx]] as const) {
      let current: string = text;
      for (const finding of before.findings.filter((f) => path.basename(f.path) === file).reverse()) {
        const edit = disableLineEdit(current, finding, 'kept on purpose -- see #12');
        assert.ok(edit, `${finding.ruleId} can be disabled`);
        current = applyEdits(current, [edit]);
      }
      await writeFile(path.join(project(), file), current);
      const after = await lintFiles(project(), [file], { trusted: true });
      assert.deepEqual(after.findings, [], `${file} after:\n${current}`);
    }
    assert.match(await readFile(path.join(project(), 'a.js'), 'utf8'), /^ {4}\/\/ eslint-disable-next-line no-unused-vars -- kept on purpose -- see #12\n {4}const x/m);
    assert.match(await readFile(path.join(project(), 'v.jsx'), 'utf8'), /^ {4}\{\/\* eslint-disable-next-line no-undef -- kept on purpose -- see #12 \*\/\}\n {4}<span>/m);
  });

  it('a syntax error becomes an eslint/parse-error finding, and the other files still lint', async () => {
    await writeTree(project(), { 'bad.js': 'const = ;\n', 'bad.ts': 'let x: = 1;\n', 'good.js': 'undefinedCall();\n' });
    const report = await lintFiles(project(), ['bad.js', 'bad.ts', 'good.js'], { trusted: true });
    assert.deepEqual(rules(report.findings), ['eslint/no-undef@1', 'eslint/parse-error@1', 'eslint/parse-error@1']);
    const parse = report.findings.find((f) => f.ruleId === 'eslint/parse-error');
    assert.equal(parse?.severity, 'error');
    assert.match(parse?.message ?? '', /^Parsing error/);
    assert.equal(disableLineEdit('const = ;\n', parse as AnalyzerFinding, 'x'), null);
  });

  it("uses ESLint's cache: the second run is answered from it, and a changed file is linted again", async () => {
    const files: Record<string, string> = {};
    const body = (i: number, j: number): string => `export function f${i}_${j}(a, b) {\n  const unused = a;\n  return b + ${i};\n}\n`;
    for (let i = 0; i < 60; i++) files[`src/m${i}.js`] = Array.from({ length: 20 }, (_, j) => body(i, j)).join('');
    await writeTree(project(), files);
    const list = Object.keys(files);
    const timed = async (): Promise<{ ms: number; findings: number }> => {
      const start = performance.now();
      const r = await lintFiles(project(), list, { trusted: true, cacheDir: cacheDir() });
      return { ms: performance.now() - start, findings: r.findings.length };
    };
    const first = await timed();
    const second = await timed();
    closeEslintSessions(); // a fresh instance reads the cache from disk, as after a server restart
    const third = await timed();
    console.log(`      ${list.length} files: first ${first.ms.toFixed(0)} ms, re-run ${second.ms.toFixed(0)} ms, re-run in a new instance ${third.ms.toFixed(0)} ms`);
    assert.equal(first.findings, 60 * 20); // one no-unused-vars per function
    assert.equal(second.findings, first.findings);
    assert.equal(third.findings, first.findings);
    await appendFile(path.join(project(), 'src/m0.js'), 'brandNewUndefined();\n');
    const changed = await lintFiles(project(), list, { trusted: true, cacheDir: cacheDir() });
    assert.ok(changed.findings.some((f) => f.ruleId === 'eslint/no-undef' && f.path.endsWith('m0.js')));
    assert.equal(changed.findings.length, first.findings + 1);
  });

  it('an aborted signal rejects the run; a time budget and a file limit stop it with notes', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}.js`] = Array.from({ length: 2000 }, (_, j) => `export const v${j} = ${i};\n`).join('');
    await writeTree(project(), files);
    const list = Object.keys(files);
    const controller = new AbortController();
    const run = lintFiles(project(), list, { trusted: true, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 50);
    const started = performance.now();
    await assert.rejects(run, /cancelled by the user/);
    console.log(`      abort took effect after ${(performance.now() - started).toFixed(0)} ms`);
    await assert.rejects(lintFiles(project(), list, { trusted: true, signal: AbortSignal.abort() }), { name: 'AbortError' });

    const budget = await lintFiles(project(), list, { trusted: true, timeBudgetMs: 1 });
    assert.equal(budget.stopped, 'time-budget');
    assert.ok(budget.filesLinted < list.length);
    assert.match(budget.notes.join('\n'), /time budget \(1 ms\) ran out: \d+ file\(s\) were not linted/);

    const limited = await lintFiles(project(), list, { trusted: true, maxFiles: 3 });
    assert.equal(limited.stopped, 'max-files');
    assert.equal(limited.filesLinted, 3);
    assert.match(limited.notes.join('\n'), /Only the first 3 of 40 files were linted/);
  });

  it('skips a 5 MB file and a minified file with notes, on disk and as text', async () => {
    const minified = `!function(){${'var a=1,b=2;a+b;'.repeat(400)}}();\n`;
    await writeTree(project(), { 'big.js': 'export const x = 1;\n'.repeat(270_000), 'bundle.js': minified, 'lib.min.js': 'x()', 'ok.js': 'export const y = 1;\n' });
    const report = await lintFiles(project(), ['big.js', 'bundle.js', 'lib.min.js', 'ok.js', { path: 'open.js', text: minified }], { trusted: true });
    assert.equal(report.filesLinted, 1);
    assert.equal(report.filesSkipped, 4);
    const notes = report.notes.join('\n');
    assert.match(notes, /big\.js was skipped: 5\.\d MB is over the 1\.0 MB limit/);
    assert.match(notes, /bundle\.js was skipped: it looks minified/);
    assert.match(notes, /lib\.min\.js was skipped: it looks minified/);
    assert.match(notes, /open\.js was skipped: it looks minified/);
  });

  it("lints an open document's unsaved text under its path, and notes files outside the project", async () => {
    await writeTree(project(), { 'src/a.ts': 'export const a = 1;\n' });
    const report = await lintFiles(project(), [{ path: path.join(project(), 'src/a.ts'), text: 'export const a = 1;\nlet b: any = a;\n' }, path.join(tmp(), 'elsewhere.js')], { trusted: true });
    assert.deepEqual(rules(report.findings), ['@typescript-eslint/no-explicit-any@2', '@typescript-eslint/no-unused-vars@2', 'eslint/prefer-const@2']);
    assert.match(report.notes.join('\n'), /elsewhere\.js is outside .* and was not linted/);
  });
});
