import assert from 'node:assert/strict';
import { ruleIds, scan } from './scan';

describe('performance/json-in-loop and json-in-handler', () => {
  it('flags serialising the same data on every iteration, in loops and array callbacks inside functions', () => {
    const code = 'function f(rows, schemaText, opts) {\n  for (const r of rows) check(r, JSON.parse(schemaText));\n  return rows.map((r) => send(r, JSON.stringify(opts.meta)));\n}';
    const findings = scan(code);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.line, f.data?.method]), [
      ['performance/json-in-loop', 'info', 2, 'parse'],
      ['performance/json-in-loop', 'info', 3, 'stringify'],
    ]);
    assert.match(findings[0]?.message ?? '', /every iteration.*once/);
  });

  it('reports a deep copy once, at the parse, suggesting structuredClone', () => {
    const findings = scan('function f(xs) { for (const x of xs) use(JSON.parse(JSON.stringify(x))); }');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.column]), [['performance/json-in-loop', 42]]);
    assert.match(findings[0]?.message ?? '', /deep copy.*structuredClone/);
  });

  it('flags, in a handler, deep copies and serialising module data nothing changes', () => {
    const code = [
      "const defaults = { theme: 'dark', items: [] };",
      "app.get('/a', (req, res) => { res.send(JSON.stringify(defaults)); });",
      "app.get('/b', (req, res) => { const state = JSON.parse(JSON.stringify(req.session)); res.send(state); });",
    ].join('\n');
    assert.deepEqual(scan(code).map((f) => [f.ruleId, f.line]), [
      ['performance/json-in-handler', 2],
      ['performance/json-in-handler', 3],
    ]);
  });

  it('leaves alone the work itself: each item, the request, the response, and module state other code changes', () => {
    const code = [
      "const todos = [];",
      "app.post('/t', (req, res) => { todos.push(JSON.parse(req.body)); res.end(); });",
      "app.get('/t', (req, res) => { res.send(JSON.stringify(todos)); });",
      "app.get('/u', async (req, res) => { const rows = await db.all(); res.send(JSON.stringify(rows)); });",
      "function lines(text) { for (const line of text.split('\\n')) emit(JSON.parse(line)); }",
      "function g(xs, state) { for (const x of xs) { state.push(x); save(JSON.stringify(state)); } }",
      "function h(xs, o) { for (const x of xs) { if (x) return JSON.stringify(o); } }",
      "function k(xs, o) { for (const x of xs) { if (!x) throw new Error(JSON.stringify(o)); } }",
      "for (const x of xs) JSON.parse(config);",
      "function m(text) { return JSON.parse(text); }",
    ].join('\n');
    assert.deepEqual(ruleIds(code), []);
  });
});
