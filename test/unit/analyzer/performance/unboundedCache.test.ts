import assert from 'node:assert/strict';
import { ruleIds, scan } from './scan';

describe('performance/unbounded-cache', () => {
  it('flags a module-level Map that a function only ever sets', () => {
    const code = 'const userCache = new Map();\nexport function getUser(id) {\n  if (!userCache.has(id)) userCache.set(id, load(id));\n  return userCache.get(id);\n}';
    const [finding] = scan(code);
    assert.equal(finding?.ruleId, 'performance/unbounded-cache');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual([finding?.line, finding?.column, finding?.data?.name], [1, 7, 'userCache']);
    assert.match(finding?.message ?? '', /line 3/);
  });

  it('flags objects filled by key, arrays pushed to, and Sets added to', () => {
    assert.deepEqual(ruleIds('const memo = {};\nfunction fib(n) { return memo[n] ??= n < 2 ? n : fib(n - 1) + fib(n - 2); }'), ['performance/unbounded-cache']);
    assert.deepEqual(ruleIds('const seenIds = new Set();\nfunction mark(id) { seenIds.add(id); }'), ['performance/unbounded-cache']);
    assert.deepEqual(ruleIds("const log = [];\napp.post('/e', (req, res) => { log.push(req.body); res.end(); });"), ['performance/unbounded-cache']);
    assert.deepEqual(ruleIds('const CACHE = Object.create(null);\nfunction put(k, v) { CACHE[k] = v; }'), ['performance/unbounded-cache']);
  });

  it('leaves alone collections that are bounded, reset, shared, weak, exported or filled only at startup', () => {
    const cases = [
      'const cache = new Map();\nfunction put(k, v) { if (cache.size > 100) cache.clear(); cache.set(k, v); }',
      'const cache = new Map();\nfunction put(k, v) { cache.set(k, v); setTimeout(() => cache.delete(k), 1000); }',
      'let cache = {};\nfunction put(k, v) { cache[k] = v; }\nfunction reset() { cache = {}; }',
      'const cache = [];\nfunction put(v) { cache.push(v); if (cache.length > 10) cache.shift(); }',
      'const cache = new WeakMap();\nfunction put(k, v) { cache.set(k, v); }',
      'export const cache = new Map();\nfunction put(k, v) { cache.set(k, v); }',
      'const cache = new Map();\nfunction put(k, v) { cache.set(k, v); }\nregisterForCleanup(cache);',
      "const cache = new Map();\ncache.set('a', 1);\ncache.set('b', 2);",
      'const registry = new Map();\nexport function register(name, fn) { registry.set(name, fn); }',
      'const cache = {};\nfunction put(k, v) { cache[k] = v; if (Object.keys(cache).length > 50) prune(); }',
      'const cache = new Map();\nfunction put(cache, k, v) { cache.set(k, v); }',
    ];
    for (const code of cases) assert.deepEqual(ruleIds(code), [], code);
  });
});
