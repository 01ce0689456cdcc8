import assert from 'node:assert/strict';
import {
  parseSecretsBaseline, secretFingerprint, secretsBaselineText, withoutBaselined,
} from '../../../../language-server/analyzer/security/secrets/secretsBaseline';
import { FakeSecrets, leaks } from './fakeSecrets';
import { secretsIn } from './helpers';

const fake = new FakeSecrets(77);

describe('secrets baseline', () => {
  describe('bad input first', () => {
    it('treats malformed files as empty, saying why without quoting them', () => {
      const bad = ['', '{', 'null', '[]', '{"secrets": 3}', '{"secrets": {"a": 1}}'];
      for (const text of bad) {
        const baseline = parseSecretsBaseline(text);
        assert.equal(baseline.fingerprints.size, 0, text);
        assert.match(baseline.problem ?? '', /secrets-baseline\.json/, text);
      }
    });

    it('keeps valid fingerprints and counts the entries it had to ignore', () => {
      const good = 'a'.repeat(64);
      const baseline = parseSecretsBaseline(JSON.stringify({ secrets: [{ fingerprint: good }, { fingerprint: 'short' }, null, 'x', { fingerprint: 'A'.repeat(64) }] }));
      assert.deepEqual([...baseline.fingerprints], [good]);
      assert.match(baseline.problem ?? '', /4 entries/);
    });
  });

  it('fingerprints are sha256 hex of the rule id and the value, different per rule', () => {
    const value = fake.githubToken();
    assert.match(secretFingerprint('secret/github-token', value), /^[0-9a-f]{64}$/);
    assert.equal(secretFingerprint('secret/github-token', value), secretFingerprint('secret/github-token', value));
    assert.notEqual(secretFingerprint('secret/github-token', value), secretFingerprint('secret/generic', value));
    assert.notEqual(secretFingerprint('a', 'bc'), secretFingerprint('ab', 'c'));
  });

  it('writes the current findings without their values, and a rescan with it reports only new secrets', () => {
    const known = fake.stripe();
    const fresh = fake.githubToken();
    const before = secretsIn(`const a = "${known}";`, '/proj/src/pay.ts');
    const text = secretsBaselineText(before, '/proj');
    assert.ok(!leaks(text, known));
    assert.deepEqual(JSON.parse(text).secrets.map((s: { path: string; line: number; ruleId: string }) => [s.path, s.line, s.ruleId]), [['src/pay.ts', 1, 'secret/stripe-secret-key']]);
    const baseline = parseSecretsBaseline(text);
    assert.equal(baseline.problem, undefined);
    // the accepted secret moved to another line and file: still accepted; the new one is reported
    const after = secretsIn(`// moved\nconst b = "${fresh}";\nconst a = "${known}";`, '/proj/src/billing.ts', { baseline });
    assert.deepEqual(after.map((f) => f.ruleId), ['secret/github-token']);
    assert.deepEqual(withoutBaselined(secretsIn(`x = "${known}"`), baseline), []);
  });

  it('lists each fingerprint once, sorted by path and line, and ignores non-secret findings', () => {
    const key = fake.awsKeyId();
    const findings = [...secretsIn(`a = "${key}"\nb = "${key}"`, '/proj/z.py'), ...secretsIn(`c = "${fake.awsKeyId()}"`, '/proj/a.py')];
    const other = { ...findings[0]!, ruleId: 'security/eval', data: { fingerprint: 'f'.repeat(64) } };
    const secrets = JSON.parse(secretsBaselineText([...findings, other], '/proj')).secrets as Array<{ path: string }>;
    assert.deepEqual(secrets.map((s) => s.path), ['a.py', 'z.py']);
  });
});
