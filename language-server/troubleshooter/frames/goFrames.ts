import { makeFrame } from './makeFrame';
import { openingParen } from './parens';
import type { StackFrame } from './types';

// Goroutine traces print the call on one line and its location, tab-indented, on the next:
//   main.divide(...)
//   \t/home/u/app/main.go:8 +0x1d
// The location line becomes the frame; the function comes from the line above it.
const LOCATION = /^\t(\S.{0,2000}\.go):(\d{1,9})(?: \+0x[0-9a-f]{1,16})?(?: fp=0x[0-9a-f]{1,16} sp=0x[0-9a-f]{1,16} pc=0x[0-9a-f]{1,16})?$/;

export function goFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined || !text.includes('.go:')) return null;
  const tab = text.indexOf('\t');
  if (tab < 0) return null;
  const match = LOCATION.exec(text.slice(tab).trimEnd());
  if (!match || match[1] === undefined) return null;
  const fn = callAbove(lines[index - 1], text.slice(0, tab));
  return makeFrame({ runtime: 'go', rawFile: match[1], line: Number(match[2]), column: null, function: fn, textLine: index });
}

// A log prefix in front of the tab (`api_1  | `) is printed in front of the call line too.
function callAbove(line: string | undefined, prefix: string): string | null {
  if (line === undefined) return null;
  let call = (line.startsWith(prefix) ? line.slice(prefix.length) : line).trim();
  if (call.startsWith('created by ')) call = call.slice('created by '.length).replace(/ in goroutine \d{1,12}$/, '');
  const open = openingParen(call);
  const fn = open < 0 ? call : call.slice(0, open);
  return fn.length > 0 && fn.length <= 500 && !/\s/.test(fn) ? fn : null;
}
