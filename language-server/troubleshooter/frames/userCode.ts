import type { Runtime } from './types';

// What counts as "not the user's code", per runtime. A frame is the user's unless its location or function
// matches one of these: the diagnostic should land on a line the user wrote and can change.

/** Pseudo-files no editor can open: <anonymous>, <stdin>, <frozen importlib._bootstrap>, [eval], [native code]. */
const PSEUDO_FILE = /^(?:<|\[|evalmachine\.|debugger eval code|native$|unknown$)/;
const EVERY_RUNTIME = ['node_modules'];

const FILE_MARKERS: Record<Runtime, readonly string[]> = {
  node: ['/usr/share/nodejs/', '.yarn/cache/', '.yarn/unplugged/', '.pnp.cjs', '.pnp.loader.mjs'],
  browser: [
    'webpack/bootstrap', 'webpack/runtime/', '(webpack)/',
    'chrome-extension://', 'moz-extension://', 'safari-extension://', 'safari-web-extension://',
    'resource://', 'chrome://',
    '//unpkg.com/', '//cdn.jsdelivr.net/', '//cdnjs.cloudflare.com/', '//ajax.googleapis.com/', '//esm.sh/',
  ],
  python: ['site-packages', 'dist-packages', '\\Lib\\', '/.pyenv/versions/'],
  java: [],
  go: [
    '/usr/local/go/src/', '/usr/lib/go/src/', '/usr/lib/go-', '/Program Files/Go/src/', '\\Program Files\\Go\\src\\',
    '/libexec/src/', '/sdk/go1', '/pkg/mod/', '\\pkg\\mod\\', '/vendor/', '\\vendor\\',
  ],
  rust: ['/rustc/', '.cargo/registry', '.cargo/git', '.cargo\\registry', '.cargo\\git', '/rustlib/', 'library/std/', 'library/core/', 'library/alloc/'],
  // Frameworks built with SourceLink print their deterministic build root /_/ instead of a real path.
  dotnet: ['/_/'],
};

const FILE_PATTERNS: Partial<Record<Runtime, RegExp>> = {
  // Core modules before node: URLs were printed bare (events.js, internal/fs/utils.js); user files never are.
  node: /^(?:node:|internal\/|[^/\\]+$)/,
  python: /[/\\]lib[/\\]python\d(?:\.\d{1,3})?[/\\]|\\python\d{0,3}\\lib\\/i,
  // Full Rust backtraces list libc and other C frames; only .rs files are the user's Rust.
  rust: /^(?!.*\.rs$)/,
};

const FUNCTION_PREFIXES: Partial<Record<Runtime, readonly string[]>> = {
  java: [
    'java.', 'javax.', 'jakarta.', 'sun.', 'com.sun.', 'jdk.', 'kotlin.', 'kotlinx.', 'scala.', 'groovy.',
    'org.codehaus.groovy.', 'org.junit.', 'junit.', 'org.springframework.', 'org.apache.', 'org.gradle.',
    'org.hibernate.', 'io.netty.', 'android.', 'androidx.', 'dalvik.', 'com.android.',
  ],
  go: ['runtime.', 'testing.'],
  dotnet: ['System.', 'Microsoft.', 'Xunit.', 'NUnit.'],
};

// Rust prints std frames as std::x or, in full backtraces, std[0123abcd]::x.
const FUNCTION_PATTERNS: Partial<Record<Runtime, RegExp>> = {
  go: /^panic$/,
  rust: /^(?:(?:std|core|alloc)(?:\[[0-9a-f]{1,32}\])?::|__rust|rust_begin_unwind)/,
};

/** `rawFile` is the location as printed (before normalizeFile), so URL schemes are still visible. */
export function isUserCode(runtime: Runtime, rawFile: string, fn: string | null): boolean {
  if (PSEUDO_FILE.test(rawFile)) return false;
  if (EVERY_RUNTIME.some((marker) => rawFile.includes(marker))) return false;
  if (FILE_MARKERS[runtime].some((marker) => rawFile.includes(marker))) return false;
  if (FILE_PATTERNS[runtime]?.test(rawFile)) return false;
  if (fn === null) return true;
  if (FUNCTION_PREFIXES[runtime]?.some((prefix) => fn.startsWith(prefix))) return false;
  return !FUNCTION_PATTERNS[runtime]?.test(fn);
}
