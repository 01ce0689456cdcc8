import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { languageOf } from '../../../../language-server/analyzer/source';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { scanSecrets } from '../../../../language-server/analyzer/security/secrets/scanSecrets';
import { loadSecretsBaseline, secretsBaselinePath, writeSecretsBaseline, type SecretsBaseline } from '../../../../language-server/analyzer/security/secrets/secretsBaseline';
import { cachedSecretsBaseline } from '../../../../language-server/analyzer/security/secrets/secretsBaselineCache';
import { FakeSecrets, leaks } from '../../../unit/analyzer/security/fakeSecrets';
import { writeTree } from '../../helpers/files';
import { useTempDir } from '../../helpers/tempDir';

const fake = new FakeSecrets(8080);

/** Scans the given project files from disk, as the analyzer reads them. */
async function scanFiles(dir: string, files: string[], baseline?: SecretsBaseline): Promise<AnalyzerFinding[]> {
  const findings: AnalyzerFinding[] = [];
  for (const rel of files) {
    const file = path.join(dir, rel);
    findings.push(...scanSecrets({ path: file, text: await readFile(file, 'utf8'), language: languageOf(file) }, baseline ? { baseline } : {}));
  }
  return findings;
}

describe('secrets baseline on disk', () => {
  const dir = useTempDir('secrets-baseline');

  describe('bad input first', () => {
    it('a missing baseline accepts nothing and reports no problem', async () => {
      const baseline = await loadSecretsBaseline(dir());
      assert.deepEqual([baseline.fingerprints.size, baseline.problem], [0, undefined]);
    });

    it('a malformed or unreadable baseline accepts nothing and says why, naming the file', async () => {
      await writeTree(dir(), { '.optimus/secrets-baseline.json': '{"secrets": [ {"fingerprint": ' });
      assert.match((await loadSecretsBaseline(dir())).problem ?? '', /secrets-baseline\.json is not valid JSON/);
      const other = path.join(dir(), 'other');
      await mkdir(secretsBaselinePath(other), { recursive: true });
      const unreadable = await loadSecretsBaseline(other);
      assert.deepEqual([unreadable.fingerprints.size, unreadable.problem], [0, '.optimus/secrets-baseline.json could not be read (EISDIR)']);
    });
  });

  it('writes fingerprints only, and a rescan reports only secrets added since', async () => {
    const stripe = fake.stripe();
    const password = fake.password(18);
    await writeTree(dir(), {
      'src/pay.ts': `export const stripe = new Stripe("${stripe}");\n`,
      'config/app.yml': `database:\n  password: ${password}\n`,
      'package-lock.json': JSON.stringify({ packages: { '': { integrity: `sha512-${fake.base64(86)}` } } }),
    });
    const files = ['src/pay.ts', 'config/app.yml', 'package-lock.json'];
    const before = await scanFiles(dir(), files);
    assert.deepEqual(before.map((f) => f.ruleId), ['secret/stripe-secret-key', 'secret/generic']);

    const written = await writeSecretsBaseline(dir(), before);
    const text = await readFile(written, 'utf8');
    assert.ok(!leaks(text, stripe) && !leaks(text, password), 'the baseline must not hold the secrets');
    assert.deepEqual(JSON.parse(text).secrets.map((s: { path: string }) => s.path), ['config/app.yml', 'src/pay.ts']);

    const baseline = await loadSecretsBaseline(dir());
    assert.deepEqual(await scanFiles(dir(), files, baseline), []);
    const token = fake.githubToken();
    await writeFile(path.join(dir(), 'src/pay.ts'), `// new line first\nexport const gh = "${token}";\nexport const stripe = new Stripe("${stripe}");\n`);
    assert.deepEqual((await scanFiles(dir(), files, baseline)).map((f) => [f.ruleId, f.line]), [['secret/github-token', 2]]);
  });

  describe('cached for analysis while typing', () => {
    const a = '0'.repeat(64);
    const b = '1'.repeat(64);
    const entry = (fingerprint: string) => ({ fingerprint, ruleId: 'secret/jwt', path: 'a.js', line: 1 });
    const write = async (fingerprints: string[]): Promise<void> => {
      await mkdir(path.dirname(secretsBaselinePath(dir())), { recursive: true });
      await writeFile(secretsBaselinePath(dir()), JSON.stringify({ version: 1, secrets: fingerprints.map(entry) }));
    };

    it('answers from memory while the file is unchanged, and sees every change, removal and new file', async () => {
      assert.equal((await cachedSecretsBaseline(dir())).fingerprints.size, 0, 'no file yet');
      await write([a]);
      const first = await cachedSecretsBaseline(dir());
      assert.deepEqual([...first.fingerprints], [a], 'a new file is seen although "missing" was cached');
      assert.equal(await cachedSecretsBaseline(dir()), first, 'unchanged: the same object, not read again');
      await write([a, b]);
      assert.deepEqual([...(await cachedSecretsBaseline(dir())).fingerprints].sort(), [a, b]);
      await rm(secretsBaselinePath(dir()));
      assert.equal((await cachedSecretsBaseline(dir())).fingerprints.size, 0);
    });

    it('reports a malformed baseline and recovers once it is fixed', async () => {
      await mkdir(path.dirname(secretsBaselinePath(dir())), { recursive: true });
      await writeFile(secretsBaselinePath(dir()), '{ not json');
      assert.match((await cachedSecretsBaseline(dir())).problem ?? '', /secrets-baseline\.json/);
      await write([b]);
      const fixed = await cachedSecretsBaseline(dir());
      assert.deepEqual([[...fixed.fingerprints], fixed.problem], [[b], undefined]);
    });
  });
});

