import assert from 'node:assert/strict';
import { suppressionComment, withoutSuppressed } from '../../../../language-server/analyzer/security/suppressions';
import { FakeSecrets } from './fakeSecrets';
import { dangerIn, ruleIds, secretsIn } from './helpers';

const fake = new FakeSecrets(5);

describe('inline suppression comments', () => {
  const key = fake.awsKeyId();

  it('optimus-ignore-line silences the named rule on its own line only', () => {
    const text = `const a = "${key}"; // optimus-ignore-line secret/aws-access-key -- rotated, kept for the replay test\nconst b = "${key}";`;
    assert.deepEqual(secretsIn(text).map((f) => f.line), [2]);
  });

  it('optimus-ignore-next-line silences the line below, in #, /* */ and <!-- --> comments too', () => {
    for (const comment of ['// optimus-ignore-next-line secret/aws-access-key', '# optimus-ignore-next-line secret/aws-access-key -- why', '/* optimus-ignore-next-line secret/aws-access-key */', '<!-- optimus-ignore-next-line secret/aws-access-key -->']) {
      assert.deepEqual(secretsIn(`${comment}\nkey = "${key}"\nkey2 = "${key}"`, '/p/a.py').map((f) => f.line), [3], comment);
    }
  });

  it('matches several ids, a family wildcard, or every rule when no id is given; another id does not match', () => {
    const line = (directive: string): number => secretsIn(`k = "${key}" # ${directive}`, '/p/a.py').length;
    assert.equal(line('optimus-ignore-line security/eval, secret/aws-access-key -- two ids'), 0);
    assert.equal(line('optimus-ignore-line secret/* -- all secrets'), 0);
    assert.equal(line('optimus-ignore-line -- everything here'), 0);
    assert.equal(line('optimus-ignore-line'), 0);
    assert.equal(line('optimus-ignore-line secret/github-token -- not this one'), 1);
    assert.equal(line('optimus-ignore-line security/* -- other family'), 1);
  });

  it('takes rule ids of other engines, with or without a family, so the analyzer can apply it to every finding', () => {
    const finding = { ruleId: 'complexity', category: 'quality' as const, severity: 'warning' as const, path: '/p/a.ts', line: 1, column: 1, message: 'm' };
    const text = 'function f() {} // optimus-ignore-line complexity -- generated parser';
    assert.deepEqual(withoutSuppressed(text, [finding, { ...finding, ruleId: 'security/eval' }]).map((f) => f.ruleId), ['security/eval']);
  });

  it('applies to dangerous-code findings too', () => {
    assert.deepEqual(ruleIds(dangerIn('eval(input); // optimus-ignore-line security/eval -- sandboxed\neval(input);')), ['security/eval']);
    assert.deepEqual(dangerIn('// optimus-ignore-next-line security/eval -- sandboxed\neval(input);'), []);
  });

  it('writes the comment text the "disable for this line" fix inserts, with the reason on one line', () => {
    assert.equal(suppressionComment('secret/jwt', '  test\nfixture  '), 'optimus-ignore-next-line secret/jwt -- test fixture');
    assert.equal(suppressionComment('security/eval', ''), 'optimus-ignore-next-line security/eval');
  });
});
