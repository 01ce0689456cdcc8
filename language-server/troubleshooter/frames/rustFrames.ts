import { splitLocation, type Location } from './location';
import { makeFrame } from './makeFrame';
import type { StackFrame } from './types';

// Since Rust 1.73 the panic line ends with the location and a colon (`panicked at src/main.rs:4:5:`); before,
// the quoted message came first (`panicked at 'boom', src/main.rs:4:5`).
const PANICKED = 'panicked at ';
// Backtrace entries: `  4: app::parse` (or `  4:  0x55d0 - app::parse` with RUST_BACKTRACE=full), then
// `             at ./src/main.rs:2:22` on the next line.
const ENTRY = /^\s{0,40}\d{1,6}:\s{1,20}(?:0x[0-9a-f]{1,16} - )?(\S.{0,1999})$/;
const SYMBOL_HASH = /::h[0-9a-f]{16}$/;

export function rustFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined) return null;
  const panic = text.indexOf(PANICKED);
  if (panic >= 0) return panicFrame(text.slice(panic + PANICKED.length).trimEnd(), index);
  const trimmed = text.trim();
  if (!trimmed.startsWith('at ')) return null;
  const location = splitLocation(trimmed.slice(3));
  if (!location) return null;
  const fn = functionAbove(lines[index - 1]);
  // Full backtraces also list libc frames (`at ./csu/libc-start.c:360:3`) under an entry line; without that
  // line only a .rs file says Rust, and anything else is left to the Node parser.
  return location.file.endsWith('.rs') || fn !== null ? frameAt(location, fn, index) : null;
}

function panicFrame(rest: string, index: number): StackFrame | null {
  const location = panicLocation(rest);
  return location?.file.endsWith('.rs') ? frameAt(location, null, index) : null;
}

function panicLocation(rest: string): Location | null {
  if (rest.endsWith(':')) return splitLocation(rest.slice(0, -1));
  const comma = rest.lastIndexOf(', ');
  return comma < 0 ? null : splitLocation(rest.slice(comma + 2));
}

function functionAbove(line: string | undefined): string | null {
  const symbol = line === undefined ? undefined : ENTRY.exec(line)?.[1];
  return symbol === undefined ? null : symbol.trimEnd().replace(SYMBOL_HASH, '');
}

function frameAt(location: Location, fn: string | null, index: number): StackFrame {
  return makeFrame({ runtime: 'rust', rawFile: location.file, line: location.line, column: location.column, function: fn, textLine: index });
}
