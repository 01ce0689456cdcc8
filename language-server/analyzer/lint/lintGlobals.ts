import { readFileSync } from 'node:fs';
import type { Linter } from 'eslint';

/**
 * Node's globals, including the CommonJS module wrapper's names (`require`, `module`, ...), so the built-in set's
 * `no-undef` accepts both CommonJS and ESM code. A fixed list: the server's own `globalThis` is not the user's
 * runtime. ES built-ins come from ESLint itself (`ecmaVersion: 'latest'`).
 */
const NODE_GLOBALS = [
  '__dirname', '__filename', 'require', 'module', 'exports', 'global', 'process', 'Buffer', 'console',
  'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
  'structuredClone', 'atob', 'btoa', 'performance', 'fetch', 'crypto', 'URL', 'URLSearchParams', 'TextEncoder',
  'TextDecoder', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'BroadcastChannel', 'MessageChannel',
  'MessagePort', 'MessageEvent', 'Blob', 'File', 'FormData', 'Headers', 'Request', 'Response', 'WebAssembly',
  'ReadableStream', 'WritableStream', 'TransformStream', 'CompressionStream', 'DecompressionStream', 'navigator',
  'DOMException', 'WebSocket', 'CustomEvent', 'Navigator', 'PerformanceObserver',
];

/** A handful the DOM lib declares as interfaces only, or that bundlers provide. */
const EXTRA_BROWSER = ['window', 'self', 'document', 'globalThis'];

let cached: Record<string, Linter.GlobalConf> | null = null;

/**
 * Node and browser globals as read-only. The browser list is read from TypeScript's lib.dom.d.ts
 * (`declare var|function|namespace X`) rather than kept by hand: it follows the installed TypeScript, and the
 * usual source of such a list (the `globals` package) is not a dependency of this project.
 */
export function lintGlobals(resolve: (request: string) => string): Record<string, Linter.GlobalConf> {
  if (cached) return cached;
  const names = new Set([...NODE_GLOBALS, ...EXTRA_BROWSER, ...browserGlobals(resolve)]);
  cached = Object.fromEntries([...names].map((n) => [n, 'readonly' as const]));
  return cached;
}

function browserGlobals(resolve: (request: string) => string): string[] {
  let text: string;
  try {
    text = readFileSync(resolve('typescript/lib/lib.dom.d.ts'), 'utf8');
  } catch {
    return []; // without TypeScript's lib, browser code gets no-undef warnings: noisy, not wrong
  }
  return [...text.matchAll(/^declare (?:var|function|namespace) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] as string);
}
