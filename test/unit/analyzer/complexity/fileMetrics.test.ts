import assert from 'node:assert/strict';
import { fileMaintainability, maintainabilityIndex } from '../../../../language-server/analyzer/complexity/maintainability';
import { measure, only } from './helpers';

describe('script file metrics: lines, comments, TODOs, Halstead, maintainability', () => {
  it('counts code and comment lines as ESLint sees tokens and comments, and TODO-like markers in comments only', () => {
    const code = [
      '#!/usr/bin/env node',
      '// TODO: one',
      '/* block',
      '   FIXME two */',
      'const a = 1; // HACK three XXX four',
      '',
      'const s = "// TODO not a comment";',
      'const r = /\\/\\/ not either/;',
      'const t = `/* nor ${a /* but this is */} this */`;',
      'const j = <p>// nor JSX text {/* but this */}</p>;',
      '',
    ].join('\n');
    const m = measure(code, 'a.tsx');
    assert.equal(m.loc, 10, 'a final line break does not start a line');
    assert.equal(m.sloc, 5);
    assert.equal(m.commentLines, 7, 'hashbang, 2, 3, 4, 5 (beside code), 9 and 10');
    assert.equal(m.todos, 4);
    assert.equal(m.language, 'typescript');
  });

  it('finds comments inside types, for headers and empty JSX expressions', () => {
    const m = measure('type T = {\n  // in a type\n  a: 1;\n};\nfor (/* no init */; ; /* no update */) break;\nconst x = <a>{/* c */}</a>;\n', 'a.tsx');
    assert.equal(m.commentLines, 3);
  });

  it('computes Halstead measures per function from its own operators and operands', () => {
    const h = only('function f(a, b) { return a + b; }').halstead;
    // operands f, a, b, a, b (3 distinct); operators return, + (2 distinct)
    assert.deepEqual({ operators: h?.operators, operands: h?.operands, distinctOperators: h?.distinctOperators, distinctOperands: h?.distinctOperands }, { operators: 2, operands: 5, distinctOperators: 2, distinctOperands: 3 });
    assert.ok(Math.abs((h?.volume ?? 0) - 7 * Math.log2(5)) < 1e-9);
    assert.ok(Math.abs((h?.difficulty ?? 0) - (2 / 2) * (5 / 3)) < 1e-9);
  });

  it('does not count type annotations as operands', () => {
    const plain = only('function f(a) { return a; }').halstead;
    const typed = only('function f(a: Map<string, number>): Map<string, number> { return a; }').halstead;
    assert.deepEqual(typed, plain);
  });

  it('uses the Visual Studio formula, clamped to 0..100', () => {
    assert.ok(Math.abs(maintainabilityIndex(1, 1, 1) - (170.77 * 100) / 171) < 1e-9);
    assert.equal(maintainabilityIndex(1e12, 500, 1e6), 0);
    const expected = ((171 - 5.2 * Math.log(100) - 0.23 * 3 - 16.2 * Math.log(10)) * 100) / 171;
    assert.ok(Math.abs(maintainabilityIndex(100, 3, 10) - expected) < 1e-9);
  });

  it('rates a file by the mean of its functions, or as one unit without functions, and null without code', () => {
    const fns = [
      { name: 'a', line: 1, column: 1, cyclomatic: 1, cognitive: 0, loc: 4, halstead: { operators: 0, operands: 0, distinctOperators: 0, distinctOperands: 0, volume: 50, difficulty: 0, effort: 0 } },
      { name: 'b', line: 5, column: 1, cyclomatic: 5, cognitive: 0, loc: 16, halstead: { operators: 0, operands: 0, distinctOperators: 0, distinctOperands: 0, volume: 150, difficulty: 0, effort: 0 } },
    ];
    assert.equal(fileMaintainability(fns, { volume: 0, cyclomatic: 1, sloc: 20 }), Math.round(maintainabilityIndex(100, 3, 10) * 10) / 10);
    assert.equal(fileMaintainability([], { volume: 100, cyclomatic: 3, sloc: 10 }), Math.round(maintainabilityIndex(100, 3, 10) * 10) / 10);
    assert.equal(fileMaintainability([], { volume: 0, cyclomatic: 1, sloc: 0 }), null);
    assert.equal(measure('// only a comment\n').maintainability, null);
    const m = measure('export function f(a) { if (a) { return 1; } return 2; }').maintainability;
    assert.ok(m !== null && m > 0 && m <= 100);
  });

  it('walks chains of thousands of operators (generated code) without exhausting the stack', () => {
    const f = only(`function f(a) { return ${'a || '.repeat(20000)}a + ${'"x" + '.repeat(20000)}"y"; }`, 'a.js');
    assert.equal(f.cyclomatic, 20001);
    assert.equal(f.cognitive, 1);
  });
});
