import assert from 'node:assert/strict';
import path from 'node:path';
import { checkEnvKeys } from '../../../../language-server/troubleshooter/preventive/checkEnvKeys';
import { openDoc, places, useProject, writeFiles } from './helpers';

const SECRET = 'sk_live_51HyperSecretValue';

describe('preventive env keys', () => {
  const dir = useProject('env');

  it('JS/TS reads of a key the example lists and .env lacks: one warning per use, at the use', async () => {
    await writeFiles(dir(), { '.env.example': 'DATABASE_URL=\nSTRIPE_KEY=\nVITE_API=\nPORT=3000\n', '.env': `DATABASE_URL=postgres://u:p@h/db\nSTRIPE_OLD=${SECRET}\n` });
    const text = [
      'const db = process.env.DATABASE_URL;', 'const stripe = process.env.STRIPE_KEY;', "const again = process.env['STRIPE_KEY'];",
      'const api = import.meta.env.VITE_API;', 'const { PORT, STRIPE_KEY: key } = process.env;', 'const other = process.env.NOT_DOCUMENTED;',
      '// process.env.STRIPE_KEY in a comment', "const s = 'process.env.STRIPE_KEY in a string';", 'const dynamic = process.env[name];',
    ].join('\n');
    const findings = await checkEnvKeys(await openDoc(dir(), 'src/config.ts', text), dir());
    assert.deepEqual(places(findings), ['2:16 preventive/env-key-missing', '3:15 preventive/env-key-missing', '4:13 preventive/env-key-missing', '5:9 preventive/env-key-missing', '5:15 preventive/env-key-missing']);
    assert.deepEqual(findings.map((f) => f.data?.key), ['STRIPE_KEY', 'STRIPE_KEY', 'VITE_API', 'PORT', 'STRIPE_KEY']);
    assert.deepEqual(findings[0]?.data, {
      fixEdit: 'add-env-key', envFile: path.join(dir(), '.env'), key: 'STRIPE_KEY', exampleFile: path.join(dir(), '.env.example'), envFileExists: true,
    });
    assert.deepEqual([findings[0]?.endLine, findings[0]?.endColumn], [2, 38]);
    for (const f of findings) assert.ok(!JSON.stringify(f).includes(SECRET) && !JSON.stringify(f).includes('postgres://'));
  });

  it('Python: os.environ[...], os.environ.get(...), os.getenv(...) and the bare names imported from os', async () => {
    await writeFiles(dir(), { '.env.sample': 'SECRET_KEY=\nDEBUG=\nREDIS_URL=\nSENTRY_DSN=\n', '.env': 'DEBUG=1\n' });
    const text = [
      'import os', 'from os import environ, getenv', 'key = os.environ["SECRET_KEY"]', "debug = os.environ.get('DEBUG')",
      'redis = os.getenv("REDIS_URL", "redis://localhost")', "dsn = environ['SENTRY_DSN']", 'also = getenv("SECRET_KEY")',
      '# os.environ["SECRET_KEY"] in a comment', '"""os.getenv("SECRET_KEY") in a docstring"""', 'x = my.environ["SECRET_KEY"]',
    ].join('\n');
    const findings = await checkEnvKeys(await openDoc(dir(), 'settings.py', text), dir());
    assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.data?.key}`), ['3:7 SECRET_KEY', '5:9 REDIS_URL', '6:7 SENTRY_DSN', '7:8 SECRET_KEY']);
    assert.match(findings[0]?.message ?? '', /listed in \.env\.sample but not set in \.env/);
  });

  it('no .env at all: every documented key read is reported, and the message says to copy the example', async () => {
    await writeFiles(dir(), { '.env.template': 'TOKEN=\n' });
    const [finding] = await checkEnvKeys(await openDoc(dir(), 'index.js', 'fetch(url, { headers: { auth: process.env.TOKEN } });\n'), dir());
    assert.equal(finding?.data?.envFileExists, false);
    assert.match(finding?.message ?? '', /there is no \.env file.*copy \.env\.template to \.env/);
  });

  it('keys set in .env.local or .env.development count as set; keys no example lists are not judged', async () => {
    await writeFiles(dir(), { '.env.example': 'A=\nB=\nC=\n', '.env.local': 'A=1\n', '.env.development': 'export B="two"\n' });
    const doc = await openDoc(dir(), 'a.js', 'use(process.env.A, process.env.B, process.env.D);\n');
    assert.deepEqual(await checkEnvKeys(doc, dir()), []);
  });

  it('no example file, or another language: nothing to compare with', async () => {
    await writeFiles(dir(), { '.env': 'A=1\n' });
    assert.deepEqual(await checkEnvKeys(await openDoc(dir(), 'a.js', 'process.env.B'), dir()), []);
    await writeFiles(dir(), { '.env.example': 'B=\n' });
    assert.deepEqual(await checkEnvKeys(await openDoc(dir(), 'main.go', 'os.Getenv("B")'), dir()), []);
    assert.equal((await checkEnvKeys(await openDoc(dir(), 'a.js', 'process.env.B'), dir())).length, 1);
  });
});
