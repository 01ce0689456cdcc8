import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { dangerIn, hits } from './helpers';

describe('dangerous-code scanner: bad input', () => {
  it('returns nothing for empty, whitespace-only and comment-only files', () => {
    for (const text of ['', '\n\n  \t', '// eval(x)\n/* new Function(body) */']) assert.deepEqual(dangerIn(text), []);
  });

  it('walks the recovered tree of invalid syntax and unterminated strings without throwing', () => {
    assert.deepEqual(hits(dangerIn('const = ;\neval(input)\nif (x {\nconst y = "never closed\n')), [['security/eval', 2]]);
    assert.deepEqual(hits(dangerIn('el.innerHTML = `<b>${name}')), [['security/html-injection', 1]]);
    assert.doesNotThrow(() => dangerIn('}}}}{{{{ )))((( <div <<< >>> ``` """ \'\'\''));
  });

  it('survives decoded binary', () => {
    assert.doesNotThrow(() => dangerIn(randomBytes(200_000).toString('latin1')));
  });

  // TypeScript's own parser overflows near 700 nested parentheses; the walk itself has no depth limit
  it('handles a 5 MB line, a 20,000-term concatenation and 400 nested parentheses without overflowing the stack', () => {
    const long = `const s = "${'x'.repeat(5_000_000)}"; eval(s + input);`;
    assert.deepEqual(hits(dangerIn(long)), [['security/eval', 1]]);
    const terms = Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(` + ',' + `);
    const chain = `db.query("SELECT * FROM t WHERE a IN (" + ${terms} + ")");`;
    assert.deepEqual(hits(dangerIn(chain)), [['security/sql-injection', 1]]);
    const nested = `${'('.repeat(400)}eval(x)${')'.repeat(400)};`;
    assert.deepEqual(hits(dangerIn(nested)), [['security/eval', 1]]);
  });
});
