import { makeFrame } from './makeFrame';
import type { StackFrame } from './types';

// `File "app.py", line 3, in load`; SyntaxError reports omit the `, in fn` part. The path cannot hold a quote,
// so [^"] needs no backtracking.
const FILE_LINE = /^File "([^"]{1,2000})", line (\d{1,9})(?:, in (\S.{0,499}))?$/;

export function pythonFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined) return null;
  const start = text.indexOf('File "');
  if (start < 0) return null;
  const match = FILE_LINE.exec(text.slice(start).trimEnd());
  if (!match || match[1] === undefined) return null;
  return makeFrame({ runtime: 'python', rawFile: match[1], line: Number(match[2]), column: null, function: match[3] ?? null, textLine: index });
}
