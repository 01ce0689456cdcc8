import { makeFrame } from './makeFrame';
import type { StackFrame } from './types';
import { atKeywordIndex } from './v8AtLine';

// `at [module/]pkg.Class.method(File.java:12)`, optionally followed by logback's `~[app.jar:1.0]`. Frames that
// print `(Native Method)`, `(Unknown Source)` or a file without a line are skipped rather than given line 0:
// they name no line anyone could open, and they are never the user's code in practice.
const JVM_FRAME = /^([^\s()]{1,1000})\(([\w$.-]{1,300}\.(?:java|kt|kts|scala|groovy|clj|cljc)):(\d{1,9})\)(?:\s.{0,1000})?$/;

export function javaFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined || !text.includes('at ')) return null;
  const start = atKeywordIndex(text);
  if (start < 0) return null;
  const match = JVM_FRAME.exec(text.slice(start + 3).trim());
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  // Java 9+ prefixes the module or class loader (`java.base/`, `app//`); the method starts after the last '/'.
  const fn = match[1].slice(match[1].lastIndexOf('/') + 1);
  return makeFrame({ runtime: 'java', rawFile: packagePath(fn, match[2]), line: Number(match[3]), column: null, function: fn, textLine: index });
}

/**
 * The trace names only the file; prefixing the class's package (com.example.App.run -> com/example/App.java)
 * gives the path under a source root, which is how Java and almost all Kotlin projects lay out files.
 */
function packagePath(fn: string, fileName: string): string {
  const cls = fn.slice(0, Math.max(0, fn.lastIndexOf('.')));
  const dot = cls.lastIndexOf('.');
  return dot < 0 ? fileName : `${cls.slice(0, dot).replace(/\./g, '/')}/${fileName}`;
}
