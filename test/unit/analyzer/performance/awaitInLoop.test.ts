import assert from 'node:assert/strict';
import { ruleIds, scan } from './scan';

const inAsync = (body: string): string => `async function run(items, urls, out) {\n${body}\n}`;

describe('performance/await-in-loop', () => {
  it('flags for-of over independent awaited calls, at the first await, suggesting Promise.all', () => {
    const findings = scan(inAsync('  for (const url of urls) {\n    const res = await fetch(url);\n    out.push(await res.json());\n  }'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.ruleId, 'performance/await-in-loop');
    assert.deepEqual([findings[0]?.line, findings[0]?.column], [3, 17]);
    assert.match(findings[0]?.message ?? '', /Promise\.all\(urls\.map\(async \(url\) => …\)\)/);
  });

  it('flags classic for and for-in loops and per-index writes', () => {
    assert.deepEqual(ruleIds(inAsync('  for (let i = 0; i < items.length; i++) out[i] = await load(items[i]);')), ['performance/await-in-loop']);
    assert.deepEqual(ruleIds(inAsync('  for (const k in items) await save(k, items[k]);')), ['performance/await-in-loop']);
  });

  it('leaves alone loops whose iterations depend on each other or must stay in order', () => {
    const cases = [
      'let total = 0;\nfor (const x of items) total += await price(x);',
      'let prev;\nfor (const x of items) { prev = await step(x, prev); }',
      'for (const x of items) { if (await exists(x)) return x; }',
      'for (const x of items) { const ok = await check(x); if (!ok) break; }',
      'for (const x of items) { await check(x); throw new Error(); }',
      'for (const x of items) { await sleep(100); await ping(x); }',
      'for (const x of items) { await page.click(x); }',
      'for (const m of items) { await m.up(); }',
      'for await (const chunk of stream) { await handle(chunk); }',
      'while (urls.length) { await fetch(urls.pop()); }',
      'for (const x of items) { await new Promise((r) => setTimeout(r, x)); }',
      'for (const x of items) { await flush(); }',
      'for (let i = 0; i < 3; i++) { await load(i); i++; }',
      'for (const x of items) { state.last = await load(x); }',
      'for (const x of items) { items.forEach(async (y) => { await load(y); }); }',
      'for (const cmd of items) { await exec(cmd); }',
    ];
    for (const body of cases) assert.deepEqual(ruleIds(inAsync(body)), [], body);
  });

  it('reports only the inner loop when the await is in a nested loop', () => {
    const findings = scan(inAsync('for (const row of items) {\n  for (const cell of row) await save(cell);\n}'));
    assert.deepEqual(findings.map((f) => f.line), [3]);
  });

  it('allows a continue and a break inside a nested switch', () => {
    const body = 'for (const x of items) {\n  if (!x) continue;\n  switch (x.kind) { case 1: break; }\n  await save(x);\n}';
    assert.deepEqual(ruleIds(inAsync(body)), ['performance/await-in-loop']);
  });
});
