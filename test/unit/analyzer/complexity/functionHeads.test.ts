import assert from 'node:assert/strict';
import { functionsOf, summary } from './helpers';

/** Names and positions as ESLint 10's complexity rule reports them for the same code (checked against it). */
const CLASSES_AND_OBJECTS = `export default function () {}
export async function g() {}
const h = function* named() {};
const k = async (a) => a;
const o = { get [\`k\`]() { return 1; }, 1e3() {}, 0x10: () => {}, [null]: function () {}, "s"() {}, async *gen() {}, set v(x) {}, [dyn]() {}, m: function inner() {} };
class A {
  @dec public static async foo(a = 1) {}
  #p() {}
  static get #q() { return 1; }
  x = () => 1;
  static y = function () {};
  w = (a || b);
  static { if (a) {} }
  accessor z = () => 1;
  constructor() {}
  over(): void;
  over(a?: number) {}
  abstract q(): void;
}
`;

describe('function names and report positions (as ESLint names and places them)', () => {
  it('names every kind of function and reports it at its head', () => {
    assert.deepEqual(summary(CLASSES_AND_OBJECTS), [
      'function 1:16 1',
      "async function 'g' 2:8 1",
      "generator function 'named' 3:11 1",
      'async arrow function 4:21 1',
      "getter 'k' 5:13 1",
      "method '1000' 5:40 1",
      "method '16' 5:50 1",
      "method 'null' 5:66 1",
      "method 's' 5:90 1",
      "async generator method 'gen' 5:100 1",
      "setter 'v' 5:117 1",
      'method 5:130 1',
      "method 'm' 5:142 1",
      "static async method 'foo' 7:3 2",
      'private method #p 8:3 1',
      'static private getter #q 9:3 1',
      "method 'x' 10:3 1",
      'class field initializer 10:7 1',
      "static method 'y' 11:3 1",
      'class field initializer 11:14 1',
      'class field initializer 12:8 2',
      'class static block 13:3 2',
      'arrow function 14:19 1',
      'constructor 15:3 1',
      "method 'over' 17:3 1",
    ]);
  });

  it('skips overloads, abstract and declared functions, which have no body', () => {
    assert.deepEqual(summary('declare function d(): void;\nfunction o(a: string): void;\nfunction o(a: any) {}'), ["function 'o' 3:1 1"]);
  });

  it('keeps an accessor field value in the enclosing function, as ESLint does', () => {
    assert.deepEqual(summary('function f() { class C { accessor a = this.x || 1; } }'), ["function 'f' 1:1 2"]);
  });

  it('reports an arrow at its =>, a parenthesised field value inside the parentheses', () => {
    assert.deepEqual(summary('const f = (\n  a,\n) =>\n  a;'), ['arrow function 3:3 1']);
    assert.deepEqual(summary('class C { v = ((a)); }'), ['class field initializer 1:17 1']);
  });

  it('reports columns without the byte order mark, which ESLint drops', () => {
    assert.deepEqual(summary('\uFEFFfunction f() {}\nfunction g() {}'), ["function 'f' 1:1 1", "function 'g' 2:1 1"]);
  });

  it('gives each function the lines it spans', () => {
    const [outer, inner] = functionsOf('function outer() {\n  return [1].map((x) =>\n    x);\n}\n');
    assert.equal(outer?.loc, 4);
    assert.equal(inner?.loc, 2);
  });
});
