import type { AnalyzerSeverity } from '../types';

/** What a performance rule is about, for the rule's explanation page and the diagnostic's tooltip. */
export interface PerformanceRule {
  title: string;
  /** One line: why it is slow and what to do instead. */
  explanation: string;
  severity: AnalyzerSeverity;
}

const inHandler = (what: string, instead: string): PerformanceRule => ({
  title: `Synchronous ${what} call in a request handler`,
  explanation: `A synchronous ${what} call blocks the event loop, so every other request waits for it; ${instead}.`,
  severity: 'warning',
});

const inLoop = (what: string, instead: string): PerformanceRule => ({
  title: `Synchronous ${what} call in a loop`,
  explanation: `Each iteration blocks the event loop on a synchronous ${what} call, and the waits add up; ${instead}.`,
  severity: 'info',
});

const FS = 'use the promise API (fs.promises) or read once at startup';
const CRYPTO = 'use the callback or promisified variant, which runs on the libuv thread pool';
const CHILD = 'use exec/execFile/spawn (promisified) so the server keeps serving while the child runs';
const ZLIB = 'use the callback variant or a stream, which compress on the thread pool';

/**
 * Every performance rule. Severities are conservative: only what blocks a server for every request is a
 * warning; the rest are hints whose cost depends on data sizes the analyzer cannot see.
 */
export const PERFORMANCE_RULES = {
  'performance/sync-fs-in-handler': inHandler('fs', FS),
  'performance/sync-crypto-in-handler': inHandler('crypto', CRYPTO),
  'performance/sync-child-process-in-handler': inHandler('child_process', CHILD),
  'performance/sync-zlib-in-handler': inHandler('zlib', ZLIB),
  'performance/sync-fs-in-loop': inLoop('fs', 'read the files concurrently with fs.promises and Promise.all'),
  'performance/sync-crypto-in-loop': inLoop('crypto', CRYPTO),
  'performance/sync-child-process-in-loop': inLoop('child_process', CHILD),
  'performance/sync-zlib-in-loop': inLoop('zlib', ZLIB),
  'performance/await-in-loop': {
    title: 'Sequential await over independent work',
    explanation: 'Awaiting inside the loop runs the iterations one after another; when they do not depend on each other, start them together with Promise.all (with a concurrency limit for many items).',
    severity: 'info',
  },
  'performance/json-in-loop': {
    title: 'JSON.parse/JSON.stringify in a loop',
    explanation: 'JSON parsing and serialising costs time in proportion to the data and blocks the event loop; do it once outside the loop, or use structuredClone for copies.',
    severity: 'info',
  },
  'performance/json-in-handler': {
    title: 'JSON.parse/JSON.stringify of other data in a request handler',
    explanation: 'Serialising data that is not the request or the response on every request blocks the event loop in proportion to its size; cache the result, or use structuredClone for copies.',
    severity: 'info',
  },
  'performance/unbounded-cache': {
    title: 'Module-level cache that only grows',
    explanation: 'A module-level collection that is added to but never deleted from, cleared or size-checked grows for the life of the process; bound it (LRU, TTL, size check) or clear it.',
    severity: 'warning',
  },
  'performance/heavy-import': {
    title: 'Heavy dependency imported for little use',
    explanation: 'The whole package is loaded (and bundled) for one or two functions, or the package is large where lighter alternatives exist; import only what is used.',
    severity: 'info',
  },
} as const satisfies Record<string, PerformanceRule>;

export type PerformanceRuleId = keyof typeof PERFORMANCE_RULES;
