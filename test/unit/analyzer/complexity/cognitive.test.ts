import assert from 'node:assert/strict';
import { functionsOf, only } from './helpers';

const cognitive = (code: string): number => only(code).cognitive;

describe('cognitive complexity (SonarSource)', () => {
  it('scores the white paper\'s sumOfPrimes 7: loops and if nest, a labelled continue adds 1', () => {
    const code = `function sumOfPrimes(max) {
      let total = 0;
      OUT: for (let i = 1; i <= max; ++i) {
        for (let j = 2; j < i; ++j) {
          if (i % j == 0) {
            continue OUT;
          }
        }
        total += i;
      }
      return total;
    }`;
    assert.equal(cognitive(code), 7);
  });

  it('scores a switch once, whatever its cases (getWords: 1)', () => {
    assert.equal(cognitive('function getWords(n) { switch (n) { case 1: return "one"; case 2: return "a couple"; default: return "lots"; } }'), 1);
  });

  it('nests inside try and catch, but try and finally add nothing themselves (the white paper\'s 9)', () => {
    const code = `function myMethod() {
      try {
        if (condition1) {
          for (let i = 0; i < 10; i++) {
            while (condition2) {}
          }
        }
      } catch (e) {
        if (condition2) {}
      } finally {
        done();
      }
    }`;
    assert.equal(cognitive(code), 9);
  });

  it('adds 1 for else if and else, without nesting', () => {
    assert.equal(cognitive('function f() { if (a) {} else if (b) {} else {} }'), 3);
    assert.equal(cognitive('function f() { for (;;) { if (a) {} else if (b) {} else {} } }'), 5);
  });

  it('counts each run of like logical operators once, across parentheses', () => {
    assert.equal(cognitive('function f() { if (a && b && c || d || e && f) {} }'), 4);
    assert.equal(cognitive('function f() { return a && (b || c); }'), 2);
    assert.equal(cognitive('function f() { return a ?? b ?? c; }'), 1);
    assert.equal(cognitive('function f() { return !(a && b) && c; }'), 2, 'a negation starts a new expression');
  });

  it('nests ternaries', () => {
    assert.equal(cognitive('function f() { return a ? (b ? 1 : 2) : 3; }'), 3);
  });

  it('adds 1 for direct recursion, by name or through this', () => {
    assert.equal(cognitive('function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }'), 2);
    assert.equal(cognitive('class A { walk(n) { return this.walk(n); } }'), 1);
    assert.equal(cognitive('const f = (n) => f(n);'), 1);
    assert.equal(cognitive('function g(n) { return other(n); }'), 0);
  });

  it('scores a nested function on its own, from nesting 0, and not in its parent', () => {
    const [outer, inner] = functionsOf('function f() { if (a) { return () => { if (b) {} }; } }');
    assert.equal(outer?.cognitive, 1);
    assert.equal(inner?.cognitive, 1);
  });

  it('gives nothing for plain breaks, default values, optional chaining or a flat sequence', () => {
    assert.equal(cognitive('function f(a = 1) { while (a) { break; } return a?.b; }'), 1);
  });
});
