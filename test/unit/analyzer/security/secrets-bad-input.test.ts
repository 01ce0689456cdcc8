import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { FakeSecrets } from './fakeSecrets';
import { ruleIds, secretsIn } from './helpers';

const fake = new FakeSecrets(7);

describe('secrets scanner: bad input', () => {
  it('returns nothing for an empty text, whitespace only, or a lone BOM', () => {
    assert.deepEqual(secretsIn(''), []);
    assert.deepEqual(secretsIn(' \n\t\r\n'), []);
    assert.deepEqual(secretsIn('\ufeff'), []);
  });

  it('skips binary content (NULs near the start), even with a key-shaped run inside', () => {
    const bytes = Buffer.concat([randomBytes(4096), Buffer.from([0, 0, 0]), Buffer.from(fake.awsKeyId())]);
    assert.deepEqual(secretsIn(bytes.toString('utf8'), '/proj/assets/logo.png'), []);
    assert.deepEqual(secretsIn(bytes.toString('latin1'), '/proj/bin/tool'), []);
  });

  it('finds a key at the end of a 5 MB single line without backtracking blow-ups', function () {
    const key = fake.githubToken();
    const filler = 'ab.cd-ef_gh=ij:kl '.repeat(300_000);
    const started = performance.now();
    const found = secretsIn(`${filler}"${key}"`, '/proj/dist/bundle.js');
    const ms = performance.now() - started;
    console.log(`      5.4 MB line scanned in ${ms.toFixed(0)} ms`);
    assert.deepEqual(ruleIds(found), ['secret/github-token']);
    assert.equal(found[0]?.column, filler.length + 2);
  });

  it('stays linear on lines that defeat naive regexes (runs of name characters, of separators, of quotes)', () => {
    for (const line of ['a'.repeat(2_000_000), 'a.'.repeat(1_000_000), '= '.repeat(1_000_000), '"'.repeat(2_000_000), 'token'.repeat(400_000), 'eyJ'.repeat(600_000)]) {
      assert.deepEqual(secretsIn(line), []);
    }
  });

  it('still finds secrets in unterminated strings and invalid syntax, without a literal range', () => {
    const key = fake.awsKeyId();
    const found = secretsIn(`const cfg = {{ "unclosed: '${key}\nfunction (( {`);
    assert.deepEqual(ruleIds(found), ['secret/aws-access-key']);
    assert.equal(found[0]?.data?.literalStart, undefined);
  });

  it('reports 1-based UTF-16 columns after astral characters and CRLF line ends', () => {
    const key = fake.stripe('sk_live_', 24);
    const found = secretsIn(`// 🔑🔑 keys\r\nconst k = "🔑${key}";\r\n`);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0]?.line, found[0]?.column], [2, 'const k = "🔑'.length + 1]);
    assert.equal(found[0]?.endColumn, 'const k = "🔑'.length + 1 + key.length);
  });

  it('resolves thousands of overlapping matches in a data file, the provider pattern winning each time', () => {
    const rows = Array.from({ length: 5000 }, () => `{"api_token": "${fake.githubToken()}", "secret": "${fake.base64(32)}"},`);
    const found = secretsIn(rows.join('\n'), '/proj/data/tokens.json');
    assert.equal(found.filter((f) => f.ruleId === 'secret/github-token').length, 5000);
    assert.ok(found.every((f, i) => i === 0 || (found[i - 1]?.data?.end as number) <= (f.data?.start as number)), 'findings overlap or are out of order');
  });

  it('survives many secret-named assignments (one finding per real value, none for the rest)', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 0 ? `token_${i} = "${fake.base64(32)}"` : `token_${i} = "x"`));
    assert.equal(secretsIn(lines.join('\n'), '/proj/settings.py').length, 20);
  });
});
