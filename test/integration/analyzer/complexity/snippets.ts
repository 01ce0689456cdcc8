/** Hand-written files for the constructs real packages rarely show: JSX, TSX, decorators, patterns, odd keys. */
export const SNIPPETS: Record<string, string> = {
  'component.jsx': `#!/usr/bin/env node
const C = ({ a = 1, b: { c = 2 } = {} }) => <div onClick={() => a?.b?.()}>{/* c */}{a && <b/>}</div>;
let x, y, z;
[x = 1, [y = 2] = []] = arr;
({ x = 1, y: [z = 3] = [], ...rest } = obj);
for ([x = 1] of list) {}
for ({ x = 1 } in list) {}
a ||= b; a &&= c; a ??= d;
function f(a, b = a ?? 1) { try { g() } catch { h() } finally {} switch (a) { case 1: case 2: break; default: } do {} while (a) }
label: for (;;) { while (x) { if (y) continue label; else if (z) break; else {} } }
export default class extends (a || b) { static #p = 1; #m() {} static async *[Symbol.iterator]() {} get #g() { return 1 } set [\`s\`](v) {} 'constructor'() {} }
const o = { async() {}, get() {}, set: function set() {}, [1n]: () => {}, [/re/g]: function () {}, 0b11() {}, [\`t\${x}\`]() {} };
(function* named() { yield a?.[b]; })();
(async () => { await a; })();
new (class { x = function () {}; y = (a) => a; [k] = 1; static z = async () => {} })();
const j = <p>// text, not a comment {a ? <i/> : null}</p>;
`,
  'widget.tsx': `enum E { A = 1 << 0, B = A | 2 }
namespace N { export function f(a: number = 1): a is number { return a! > 0 ? true : false; } }
abstract class K<T = string> implements I {
  constructor(public readonly p: number = 1, @Inject(a || b) q?: string) { super(); }
  abstract m(): void;
  declare d: string;
  accessor acc = a ?? b;
  m2<U>(x: U extends string ? 1 : 2 = null as any): x is any { return (x as any)?.y satisfies number; }
  @dec() static sm = () => <T,>(a: T) => a;
  override o(): void;
  override o(a?: any) {}
}
const el = <A b={c ? d : e} {...f}>text // not a comment {g || h}</A>;
type F = (a?: number) => void;
interface I { m(a?: number): void }
function over(a: string): void;
function over(a: any) { return a?.b!.c; }
export = over;
`,
  'fields.ts': `\uFEFFfunction bom(a = 1) { return a; }
const f = async <T,>(x: T): Promise<T> => x;
class Q { static { if (a) {} } static x = 1 || 2; 'y' = 3 && 4; 42 = () => {}; }
type U = \`http://\${string}\`; // a template literal type holding //
const re = /\\/\\*not a comment/; /* but this is */
for (/* no init */; ; /* no update */) break;
`,
};
