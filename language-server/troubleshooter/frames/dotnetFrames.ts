import { makeFrame } from './makeFrame';
import type { StackFrame } from './types';

// `at Ns.Class.Method(String s) in C:\src\App\Program.cs:line 42`. Localized runtimes translate all three
// words (German `bei ... in ...:Zeile 42`, French `à ... dans ...:ligne 42`), so each is any short word.
// Frames without ` in file:line` (no PDB) name no line and are skipped.
const SOURCE_FILE = /\.(?:cs|vb|fs|cshtml|razor):/;
const SOURCE = /^(.{1,2000}\.(?:cs|vb|fs|cshtml|razor)):[^\s:]{1,16} (\d{1,9})$/;
const LEAD_WORD = /^\S{1,10} /;
const IN_WORD = /^\S{1,10} /;
// Argument lists rarely hold ") " (tuples); a cap keeps a line full of ") " from costing quadratic time.
const MAX_CLOSE_TRIES = 4;

export function dotnetFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined || !SOURCE_FILE.test(text)) return null;
  const trimmed = text.trim();
  const lead = LEAD_WORD.exec(trimmed);
  if (!lead) return null;
  // Every frame has an argument list, so the method ends at a ") " followed by the "in" word and a path
  // that ends like a source location; trying each ") " keeps paths with " in " in them intact.
  let close = trimmed.indexOf(') ');
  for (let tries = 0; close >= 0 && tries < MAX_CLOSE_TRIES; tries++, close = trimmed.indexOf(') ', close + 1)) {
    const after = trimmed.slice(close + 2);
    const inWord = IN_WORD.exec(after);
    const source = inWord ? SOURCE.exec(after.slice(inWord[0].length)) : null;
    if (source?.[1] !== undefined) return frame(trimmed.slice(lead[0].length, close + 1), source[1], Number(source[2]), index);
  }
  return null;
}

function frame(method: string, file: string, line: number, index: number): StackFrame | null {
  const open = method.indexOf('(');
  if (open <= 0 || /\s/.test(method.slice(0, open))) return null;
  return makeFrame({ runtime: 'dotnet', rawFile: file, line, column: null, function: method.slice(0, open), textLine: index });
}
