import { openingParen } from './parens';

// V8 prints frames as `at fn (location)` or `at location`; Node and Chrome share the shape and differ only in
// what the location names, so both parsers start here.

export interface AtLine {
  function: string | null;
  location: string;
}

/** Splits a V8 frame line, or returns null when the line has no frame-like `at`. */
export function splitAtLine(line: string): AtLine | null {
  const start = atKeywordIndex(line);
  if (start < 0) return null;
  let rest = line.slice(start + 3).trim();
  if (rest.startsWith('async ')) rest = rest.slice(6).trimStart();
  const open = openingParen(rest);
  if (open < 0) return { function: null, location: rest };
  return { function: rest.slice(0, open).trim() || null, location: evalSite(rest.slice(open + 1, -1)) };
}

/**
 * The `at` must open the frame: after indentation only, or after a log prefix followed by a tab or two spaces
 * (`npm ERR!     at x`, `web_1  |     at x`), so prose such as "look at this (a:1)" is not a frame.
 */
export function atKeywordIndex(line: string): number {
  const firstText = line.length - line.trimStart().length;
  for (let i = line.indexOf('at '); i >= 0; i = line.indexOf('at ', i + 1)) {
    if (i === firstText) return i;
    const prev = line[i - 1];
    if (i > firstText && isSpace(prev) && (prev === '\t' || isSpace(line[i - 2]))) return i;
  }
  return -1;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

// `eval at f (a.js:1:2), <anonymous>:3:4`: the position that failed is the last one, inside the eval'd code.
function evalSite(location: string): string {
  if (!location.startsWith('eval at ')) return location;
  const comma = location.lastIndexOf(', ');
  return comma < 0 ? location : location.slice(comma + 2);
}
