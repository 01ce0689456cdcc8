// Bundler URLs name the source relative to the project, which is what a user can open: webpack:///./src/a.js,
// webpack://app/./src/a.js, webpack-internal:///./src/a.js and webpack:///src/a.js all mean src/a.js.
const WEBPACK = /^webpack(?:-internal)?:\/\/[^/]{0,200}\//;
const SCHEME = /^[a-z][a-z0-9+.-]{1,30}:\/\//i;
// Next.js puts its webpack layer first: webpack-internal:///(app-pages-browser)/./src/app/page.tsx.
const LAYER = /^\((?!webpack\))[^)/]{1,60}\)\//;

/** Turns the location a trace printed into a path; Windows paths and http(s) URLs keep their shape. */
export function normalizeFile(raw: string): string {
  if (raw.startsWith('file://')) return fromFileUrl(withoutQuery(raw));
  if (WEBPACK.test(raw)) return stripDotSlash(withoutQuery(raw.replace(WEBPACK, '')).replace(LAYER, ''));
  if (SCHEME.test(raw)) return withoutQuery(raw);
  return stripDotSlash(raw);
}

// Query strings on module URLs are cache busters (Vite's ?t=, webpack's trailing ?), not part of the file.
function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

function fromFileUrl(url: string): string {
  const path = safeDecode(url.slice('file://'.length));
  // file:///C:/dir/a.js names a drive; dropping the slash gives a path Windows tools accept.
  if (/^\/[A-Za-z]:[/\\]/.test(path)) return path.slice(1);
  return path.startsWith('/') ? path : `//${path}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function stripDotSlash(path: string): string {
  let result = path;
  while (result.startsWith('./')) result = result.slice(2);
  return result;
}
