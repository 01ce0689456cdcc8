/**
 * The engine against ESLint's own `complexity` rule on real code: every function's name, line, column and
 * cyclomatic complexity must be what ESLint reports, and every file's code and comment line counts what ESLint's
 * tokens and comments give. Sources: packages installed in node_modules and this repository's TypeScript.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { measureScript } from '../../../../language-server/analyzer/complexity/measureScript';
import { parseScript } from '../../../../language-server/analyzer/source';
import { jsFiles, relative, tsFiles } from './corpus';
import { eslintReference } from './eslintReference';
import { SNIPPETS } from './snippets';

interface Tally {
  files: number;
  functions: number;
  unparsed: string[];
  mismatches: string[];
}

const upperCaseFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const key = (f: { name: string; line: number; column: number; complexity: number }): string => `${f.line}:${f.column} ${f.name} ${f.complexity}`;

/** Compares one file; returns what differs, if anything. */
function compare(file: string, text: string, tally: Tally): void {
  const reference = eslintReference(file, text);
  if (!reference) {
    tally.unparsed.push(relative(file));
    return;
  }
  const metrics = measureScript(parseScript(file, text), file);
  const ours = metrics.functions.map((f) => key({ name: upperCaseFirst(f.name), line: f.line, column: f.column, complexity: f.cyclomatic })).sort();
  const theirs = reference.functions.map(key).sort();
  tally.files++;
  tally.functions += theirs.length;
  const onlyOurs = ours.filter((k) => !theirs.includes(k));
  const onlyTheirs = theirs.filter((k) => !ours.includes(k));
  if (onlyOurs.length > 0 || onlyTheirs.length > 0 || ours.length !== theirs.length) {
    tally.mismatches.push(`${relative(file)}: ours ${JSON.stringify(onlyOurs.slice(0, 3))}, ESLint ${JSON.stringify(onlyTheirs.slice(0, 3))}`);
  }
  if (metrics.sloc !== reference.lines.sloc || metrics.commentLines !== reference.lines.commentLines) {
    tally.mismatches.push(`${relative(file)}: lines ours ${metrics.sloc}/${metrics.commentLines}, ESLint ${reference.lines.sloc}/${reference.lines.commentLines} (code/comment)`);
  }
}

function run(files: readonly string[], read: (file: string) => string): Tally {
  const tally: Tally = { files: 0, functions: 0, unparsed: [], mismatches: [] };
  for (const file of files) compare(file, read(file), tally);
  return tally;
}

function report(label: string, tally: Tally): void {
  console.log(`      ${label}: ${tally.files} files, ${tally.functions} functions compared with ESLint; ${tally.mismatches.length} mismatches; ${tally.unparsed.length} files ESLint could not parse${tally.unparsed.length ? ` (${tally.unparsed.slice(0, 3).join(', ')})` : ''}`);
  assert.deepEqual(tally.mismatches.slice(0, 20), []);
}

describe('complexity engine vs ESLint\'s complexity rule on real code', function () {
  this.timeout(300_000);

  it('JavaScript from installed packages (eslint, yaml, tar, minimatch, typescript-eslint)', () => {
    const tally = run(jsFiles(), (f) => readFileSync(f, 'utf8'));
    report('JavaScript', tally);
    assert.ok(tally.files >= 500 && tally.functions >= 5000, 'the corpus is installed');
  });

  it('TypeScript from this repository and from packages that ship their sources', () => {
    const tally = run(tsFiles(), (f) => readFileSync(f, 'utf8'));
    report('TypeScript', tally);
    assert.ok(tally.files >= 200 && tally.functions >= 2000, 'the corpus is present');
  });

  it('JSX, TSX and the constructs the packages above rarely use', () => {
    const tally = run(Object.keys(SNIPPETS), (name) => SNIPPETS[name] as string);
    report('snippets', tally);
    assert.equal(tally.unparsed.length, 0);
    assert.ok(tally.functions >= 40);
  });
});
