import { splitLocation } from './location';
import { makeFrame } from './makeFrame';
import type { StackFrame } from './types';
import { splitAtLine } from './v8AtLine';

// Locations only a page can have. file:// stays with Node: ES modules run by Node print file:// URLs.
const PAGE_URL = /^(?:https?|webpack(?:-internal)?|(?:chrome|moz|safari|safari-web)-extension|blob|resource|chrome):/;

export function isBrowserUrl(location: string): boolean {
  return PAGE_URL.test(location);
}

/** Chrome's `at fn (https://host/app.js:1:2)` and Firefox/Safari's `fn@https://host/app.js:1:2`. */
export function browserFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined) return null;
  if (text.includes('at ')) {
    const chrome = chromeFrame(text, index);
    if (chrome) return chrome;
  }
  return text.includes('@') ? geckoFrame(text, index) : null;
}

function chromeFrame(text: string, index: number): StackFrame | null {
  const at = splitAtLine(text);
  if (!at || !isBrowserUrl(at.location)) return null;
  const location = splitLocation(at.location);
  if (!location || !namesFile(location.file) || (location.column === null && at.function === null)) return null;
  return makeFrame({ runtime: 'browser', rawFile: location.file, line: location.line, column: location.column, function: at.function, textLine: index });
}

// `http://localhost:3000` is a server, not a script: a frame's URL has a path after the host.
function namesFile(url: string): boolean {
  const scheme = url.indexOf('://');
  return scheme < 0 || /^[^/]*\/[^/]/.test(url.slice(scheme + 3));
}

// Firefox and Safari: `fn@url:line:col`, `@url:line:col` for anonymous code, `fn/<@url` for closures. The
// function never holds an '@' but URLs can (node_modules/@scope), so the first '@' splits the two.
const GECKO_URL = /^(?:[a-z][a-z0-9+.-]{1,30}:\/\/|\/)/i;

function geckoFrame(text: string, index: number): StackFrame | null {
  const trimmed = text.trim();
  const at = trimmed.indexOf('@');
  if (at < 0) return null;
  const fn = trimmed.slice(0, at);
  const rest = trimmed.slice(at + 1);
  if (fn.length > 500 || fn.includes(': ') || !GECKO_URL.test(rest)) return null;
  const location = splitLocation(rest);
  if (!location || location.column === null || !namesFile(location.file)) return null;
  return makeFrame({ runtime: 'browser', rawFile: location.file, line: location.line, column: location.column, function: fn, textLine: index });
}
