import assert from 'node:assert/strict';
import { measureText } from '../../../../language-server/analyzer/complexity/measureText';
import { languageOf } from '../../../../language-server/analyzer/source';
import type { FileMetrics } from '../../../../language-server/analyzer/types';

/** Deterministic noise of the characters lexers care about. */
function noise(tokens: number): string {
  const alphabet = ['{', '}', '(', ')', '[', ']', '"', "'", '`', '"""', '#', '//', '/*', '*/', '\\', '\n', '\n  ', ' def f(', ' func ', ' fn x', ' if ', ' && ', ' => ', ' else ', 'r#"', "'a", ' end', ';', '='];
  let seed = 42;
  let out = '';
  for (let i = 0; i < tokens; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += alphabet[seed % alphabet.length] ?? '';
  }
  return out;
}

const measure = (path: string, text: string): FileMetrics => measureText({ path, text, language: languageOf(path) });
const heads = (m: FileMetrics): string[] => m.functions.map((f) => `${f.name} ${f.line}:${f.column} cc${f.cyclomatic} cog${f.cognitive}`);

const PYTHON = `#!/usr/bin/env python3
"""Module docstring.
TODO: one
"""
import os

class Foo:
    """Class docstring."""
    def bar(self, x):
        # FIXME: two
        if x and y or z:
            for i in range(3):
                return self.bar(i)
        elif x:
            s = "# not a comment, if not a branch"
        def inner():
            while True:
                break
        return [a for a in b if a]

async def top(a,
              b):
    text = """
not a docstring: assigned
"""
    match a:
        case 1:
            pass
`;

describe('text metrics (languages that are not parsed)', () => {
  it('Python: defs by indentation, methods inside classes, nested defs measured apart, docstrings as comments', () => {
    const m = measure('a.py', PYTHON);
    assert.equal(m.language, 'python');
    assert.equal(m.loc, 28);
    assert.equal(m.commentLines, 6, 'hashbang, 3 docstring lines, class docstring, # FIXME');
    assert.equal(m.todos, 2);
    assert.equal(m.sloc, 20);
    assert.deepEqual(heads(m), [
      // if, and, or, for, elif, the comprehension's for and if; cognitive: if 1, and/or runs 2, for 2, recursion 1, elif 1, for and if 2
      "method 'bar' 9:5 cc8 cog9",
      "function 'inner' 16:9 cc2 cog1",
      "function 'top' 21:1 cc2 cog1",
    ]);
    assert.equal(m.functions[2]?.loc, 8);
  });

  it('Go: receivers make methods; function literals count in their function; strings and raw strings are skipped', () => {
    const m = measure('a.go', `package main

// Handle serves. TODO: auth
func (s *Server) Handle(w http.ResponseWriter, r *http.Request) error {
\tif err := s.check(r); err != nil && r != nil {
\t\treturn err
\t}
\tfor _, x := range xs {
\t\tswitch x {
\t\tcase 1, 2:
\t\tcase 3:
\t\tdefault:
\t\t}
\t}
\tgo func() {
\t\tif a || b {
\t\t}
\t}()
\traw := \`{ "if" not a brace
\t\`
\treturn nil
}

func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
type T interface { M(a int) error }
`);
    assert.deepEqual(heads(m), ["method 'Handle' 4:1 cc8 cog8", "function 'fib' 24:1 cc2 cog1"]);
    assert.equal(m.functions[0]?.loc, 19);
    assert.equal(m.todos, 1);
  });

  it('Rust: nested block comments, lifetimes and char literals, trait functions without a body', () => {
    const m = measure('a.rs', `/* outer /* nested */ still a comment */
pub(crate) async fn run<'a>(x: &'a str) -> Result<(), E> where T: Clone {
    let c = '{';
    match x {
        "a" => 1,
        _ => 2,
    };
    if let Some(v) = opt { loop { break; } }
    Ok(())
}
impl Foo {
    fn method(&self) -> bool { self.a && self.b || self.c }
    fn declared(&self);
}
`);
    assert.deepEqual(heads(m), ["function 'run' 2:1 cc4 cog3", "method 'method' 12:5 cc3 cog2"]);
    assert.equal(m.commentLines, 1);
  });

  it('Java: methods and constructors, not calls, control statements or anonymous classes', () => {
    const m = measure('A.java', `public class A {
    @Override
    public static <T> List<T> get(Map<String, T> m, int n) throws IOException {
        String s = "}{ if";
        if (n > 0 ? true : false) { return null; }
        else if (m == null) {}
        try { foo(); } catch (Exception e) { }
        while (n-- > 0 && m != null) {}
        return Collections.emptyList();
    }
    A() { this(1); }
    void run() {
        new Thread(() -> { work(); }).start();
        foo(bar,
            baz);
    }
}
`);
    assert.deepEqual(heads(m), ["method 'get' 3:5 cc7 cog6", "method 'A' 11:5 cc1 cog0", "method 'run' 12:5 cc1 cog0"]);
  });

  it('Ruby and shell: def … end by indentation, name() { … } by braces', () => {
    const ruby = measure('a.rb', 'class A\n  # TODO: x\n  def go(x)\n    return 1 if x && y\n    case x\n    when 1 then 2\n    end\n  end\nend\n');
    assert.deepEqual(heads(ruby), ["method 'go' 3:3 cc4 cog3"]);
    assert.equal(ruby.functions[0]?.loc, 6);
    const shell = measure('a.sh', '#!/bin/sh\nbuild() {\n  if [ -f x ] && [ -d y ]; then\n    echo "# not a comment"\n  fi\n}\n');
    assert.deepEqual(heads(shell), ["function 'build' 2:1 cc3 cog2"]);
    assert.equal(shell.commentLines, 1);
  });

  it('other files: lines, comments and TODOs by their comment syntax, no functions', () => {
    const yaml = measure('ci.yml', 'a: 1 # FIXME\n# TODO\n\nb: "# no"\n');
    assert.deepEqual([yaml.loc, yaml.sloc, yaml.commentLines, yaml.todos, yaml.functions.length], [4, 2, 2, 2, 0]);
    assert.ok(yaml.maintainability !== null);
    const plain = measure('notes.txt', 'just // text\n\nmore\n');
    assert.deepEqual([plain.loc, plain.sloc, plain.commentLines], [3, 2, 0]);
    assert.equal(measure('empty.py', '').maintainability, null);
  });

  it('never throws, and stays fast, on binary data, huge lines, unbalanced braces and random bytes', () => {
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const b = measure('lib.so', `\0ELF${binary}`);
    assert.deepEqual([b.sloc, b.functions.length, b.maintainability], [0, 0, null]);
    const inputs = [
      '('.repeat(300_000),
      `void f() ${'{'.repeat(200_000)}`,
      'void f() {\n'.repeat(20_000),
      '}}}} void f() { if (a) {\n'.repeat(5_000),
      `${'int '.repeat(200)}f(${'x, '.repeat(50_000)}`,
      '"\\'.repeat(100_000),
      Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}def f():`).join('\n'),
      binary,
      noise(20_000),
    ];
    for (const ext of ['.py', '.go', '.rs', '.java', '.rb', '.c', '.kt', '.sh', '.lua', '.txt']) {
      for (const text of inputs) {
        // Catastrophic backtracking would run far past the test's timeout: finishing is the check.
        const m = measure(`x${ext}`, text);
        assert.ok(m.loc >= 1);
      }
    }
  });
});
