import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { chooseConfig } from '../../../../language-server/analyzer/lint/configChoice';
import { findingsOfResult, findingRuleId, suggestionsOf } from '../../../../language-server/analyzer/lint/eslintFindings';
import { applyEdits, fixAllEdit } from '../../../../language-server/analyzer/lint/fixAll';
import { planBatches, type PlannedFile } from '../../../../language-server/analyzer/lint/lintBatches';
import { eslintCacheDir } from '../../../../language-server/analyzer/lint/lintCacheDir';
import { lineStarts } from '../../../../language-server/analyzer/lint/lineStarts';
import { looksMinified, skipReasonForText } from '../../../../language-server/analyzer/lint/skipFile';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';

const result = (source: string, messages: ESLint.LintResult['messages']): ESLint.LintResult => ({
  filePath: '/p/a.js', messages, source, suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
});

describe('lint: helpers', () => {
  it('maps ESLint messages: rule ids, severities, fixes shifted past a BOM, suggestions, disable data', () => {
    const source = '\uFEFFvar a = 1;\n  foo();\n';
    const [fixable, undef, fatal] = findingsOfResult(result(source, [
      { ruleId: 'no-var', severity: 2, message: 'Unexpected var.', line: 1, column: 1, endLine: 1, endColumn: 11, fix: { range: [0, 3], text: 'let' } },
      { ruleId: 'react/no-danger', severity: 1, message: 'm', line: 2, column: 3, suggestions: [{ desc: 'Remove it', fix: { range: [13, 19], text: '' } }] },
      { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: x', line: 2, column: 5 },
    ]), { 'no-var': 'https://eslint.org/docs/latest/rules/no-var' });
    assert.equal(fixable?.ruleId, 'eslint/no-var');
    assert.equal(fixable?.severity, 'error');
    assert.deepEqual(fixable?.fix, { title: 'Fix: no-var', edits: [{ start: 1, end: 4, text: 'let' }] });
    assert.equal(applyEdits(source, fixable?.fix?.edits ?? []), '\uFEFFlet a = 1;\n  foo();\n');
    assert.deepEqual(fixable?.data, { docsUrl: 'https://eslint.org/docs/latest/rules/no-var', disableRule: 'no-var', disableOffset: 1, disableIndent: '' });
    assert.equal(undef?.ruleId, 'react/no-danger');
    assert.equal(undef?.severity, 'warning');
    assert.deepEqual(suggestionsOf(undef as AnalyzerFinding), [{ title: 'Remove it', edits: [{ start: 14, end: 20, text: '' }] }]);
    assert.deepEqual([undef?.data?.['disableOffset'], undef?.data?.['disableIndent']], [12, '  ']);
    assert.equal(fatal?.ruleId, 'eslint/parse-error');
    assert.equal(fatal?.data, undefined);
    assert.equal(findingRuleId({ ruleId: null, message: "Unused eslint-disable directive (no problems were reported from 'no-var')." }), 'eslint/unused-disable-directive');
  });

  it("fix-all applies non-overlapping fixes in ESLint's order and skips touching ones", () => {
    const f = (start: number, end: number, text: string): AnalyzerFinding => ({ ruleId: 'eslint/r', category: 'quality', severity: 'warning', path: '/a', line: 1, column: 1, message: '', fix: { title: 't', edits: [{ start, end, text }] } });
    const all = fixAllEdit([f(6, 8, 'Y'), f(0, 2, 'X'), f(1, 3, 'overlaps'), f(2, 4, 'touches')]);
    assert.equal(applyEdits('aabbccdd', all?.edits ?? []), 'XbbccY');
    assert.equal(fixAllEdit([]), null);
  });

  it('counts lines like ESLint (\\n, \\r\\n, \\r) and starts line 1 after a BOM', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
    assert.deepEqual(lineStarts('\uFEFFa\nb'), [1, 3]);
  });

  it('tells minified code from hand-written code', () => {
    assert.equal(looksMinified('/p/a.min.js', 'x'), true);
    assert.equal(looksMinified('/p/a.js', `!function(){${'var a=1;'.repeat(500)}}();`), true);
    assert.equal(looksMinified('/p/a.js', 'const a = 1;\n'.repeat(500)), false);
    assert.equal(looksMinified('/p/a.js', `const data = "${'x'.repeat(12_000)}";\n${'f();\n'.repeat(200)}`), true);
    assert.match(skipReasonForText('/p/a.js', 'x'.repeat(2000), 1000) ?? '', /over the 0\.0 MB limit/);
  });

  it('batches likely-cached files by the 500 and the rest by 64 KB', () => {
    const file = (i: number, bytes: number, likelyCached: boolean): PlannedFile => ({ path: `/p/${i}.js`, bytes, mtimeMs: 0, likelyCached });
    const files = [...Array.from({ length: 1200 }, (_, i) => file(i, 10_000, true)), file(1, 40_000, false), file(2, 40_000, false), file(3, 200_000, false)];
    assert.deepEqual(planBatches(files).map((b) => b.length), [500, 500, 200, 1, 1, 1]);
  });

  it('chooses the config: a flat config in the folder or above when trusted; notes when not used', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'optimus-lintcfg-'));
    try {
      const dir = path.join(root, 'mono', 'packages', 'app');
      await mkdir(dir, { recursive: true });
      assert.deepEqual(chooseConfig(dir, true), { kind: 'builtin', note: null });
      await writeFile(path.join(root, 'mono', '.eslintrc.json'), '{}');
      assert.match((chooseConfig(dir, true) as { note: string }).note, /\.eslintrc\.json is an eslintrc config, which ESLint 10 no longer reads/);
      await writeFile(path.join(root, 'mono', 'eslint.config.js'), 'export default [];');
      const chosen = chooseConfig(dir, true);
      assert.equal(chosen.kind === 'project' && chosen.file, path.join(root, 'mono', 'eslint.config.js'));
      assert.match((chooseConfig(dir, false) as { note: string }).note, /not loaded because the workspace is not trusted/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('puts the ESLint cache under $OPTIMUS_HOME, one folder per project path', () => {
    const a = eslintCacheDir('/home/u/.optimus', '/w/app');
    assert.match(a, /^\/home\/u\/\.optimus\/cache\/eslint\/[0-9a-f]{16}$/);
    assert.equal(eslintCacheDir('/home/u/.optimus', '/w/app/'), a);
    assert.notEqual(eslintCacheDir('/home/u/.optimus', '/w/other'), a);
  });
});
