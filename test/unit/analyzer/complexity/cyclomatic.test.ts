import assert from 'node:assert/strict';
import { only, summary } from './helpers';

/** Cyclomatic complexity of `function f(a, b, c) { <body> }`. */
const cc = (body: string, params = 'a, b, c', file = 'a.ts'): number => only(`function f(${params}) { ${body} }`, file).cyclomatic;

describe('cyclomatic complexity (ESLint complexity, classic)', () => {
  it('starts at 1 for a function without branches', () => {
    assert.equal(cc('return a + b * c;'), 1);
  });

  it('counts if, else if and the conditional operator, not else', () => {
    assert.equal(cc('if (a) {}'), 2);
    assert.equal(cc('if (a) {} else {}'), 2);
    assert.equal(cc('if (a) {} else if (b) {} else {}'), 3);
    assert.equal(cc('return a ? b : c;'), 2);
    assert.equal(cc('return a ? b ? 1 : 2 : 3;'), 3);
  });

  it('counts every loop, including for-in, for-of and do-while', () => {
    for (const loop of ['for (;;) {}', 'for (const k in a) {}', 'for (const v of a) {}', 'while (a) {}', 'do {} while (a);', 'for await (const v of a) {}']) {
      assert.equal(cc(loop), 2, loop);
    }
  });

  it('counts each case with a test, not default, and not the switch', () => {
    assert.equal(cc('switch (a) { case 1: case 2: break; default: }'), 3);
    assert.equal(cc('switch (a) { default: }'), 1);
  });

  it('counts catch, not try or finally', () => {
    assert.equal(cc('try { a(); } catch { b(); } finally { c(); }'), 2);
    assert.equal(cc('try { a(); } finally { c(); }'), 1);
  });

  it('counts each &&, || and ??, one per operator', () => {
    assert.equal(cc('return a && b && c;'), 3);
    assert.equal(cc('return a || (b ?? c);'), 3);
    assert.equal(cc('return a & b | c;'), 1, 'bitwise operators are not branches');
  });

  it('counts the logical assignments &&=, ||=, ??= but not other assignments', () => {
    assert.equal(cc('a &&= b; a ||= c; a ??= 1;'), 4);
    assert.equal(cc('a = b; a += c; a **= 2;'), 1);
  });

  it('counts optional member access and optional calls, once each', () => {
    assert.equal(cc('return a?.b;'), 2);
    assert.equal(cc('return a?.[b];'), 2);
    assert.equal(cc('return a?.();'), 2);
    assert.equal(cc('return a?.b.c.d();'), 2, 'only the ?. link counts, not the rest of the chain');
    assert.equal(cc('return a.b.c;'), 1);
  });

  it('counts default values in parameters and destructuring (AssignmentPattern)', () => {
    assert.equal(cc('', 'a = 1, { b = 2 } = {}, [c = 3] = []'), 6, 'five defaults: a, b, the object, c, the array');
    assert.equal(cc('const { x = 1, y: [z = 2] } = a;'), 3);
    assert.equal(cc('[a = 1, [b = 2] = []] = c;'), 4, 'destructuring assignment: each default once, nested targets included');
    assert.equal(cc('({ a = 1, b: { c = 2 } = {} } = a);'), 4);
    assert.equal(cc('for ([a = 1] of b) {}'), 3, 'a default in a for-of target');
    assert.equal(cc('const x = 1; let y = a;'), 1, 'a variable initializer is not a pattern default');
  });

  it('does not count TypeScript types: conditional types, optional members, defaults of type parameters', () => {
    assert.equal(cc('type T<U = string> = U extends string ? 1 : 2; let x: { a?: number } | undefined; return x as T<number>;'), 1);
  });

  it('keeps nested functions apart: each has its own count and adds nothing to its parent', () => {
    assert.deepEqual(summary('function outer(a) { if (a) {} return () => a && a; }'), ["function 'outer' 1:1 2", 'arrow function 1:41 2']);
  });

  it('counts TypeScript parameter properties with defaults in the constructor', () => {
    assert.deepEqual(summary('class A { constructor(private x = 1, readonly y?: number) {} }'), ['constructor 1:11 2']);
  });

  it('counts JSX conditionals in .jsx and .tsx', () => {
    assert.equal(cc('return <div>{a && <b/>}{b ? <i/> : null}</div>;', 'a, b', 'a.jsx'), 3);
    assert.equal(cc('return <div title={a ?? "x"}>{a?.b}</div>;', 'a', 'a.tsx'), 3);
  });
});
