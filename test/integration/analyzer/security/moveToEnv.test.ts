import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { languageOf } from '../../../../language-server/analyzer/source';
import { planMoveToEnv } from '../../../../language-server/analyzer/security/moveToEnv/moveToEnv';
import { scanSecrets } from '../../../../language-server/analyzer/security/secrets/scanSecrets';
import { parseDotenv } from '../../../../language-server/orchestrator/env/dotenv';
import { FakeSecrets, freshPrivateKeyPem } from '../../../unit/analyzer/security/fakeSecrets';
import { applyEdits } from '../../../unit/analyzer/security/helpers';
import { writeTree } from '../../helpers/files';
import { git, gitRepo } from '../../helpers/git';
import { useTempDir } from '../../helpers/tempDir';

const run = promisify(execFile);
const fake = new FakeSecrets(4242);

async function readOrNull(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null);
}

/** Moves every secret of one file to .env as the code action would: plan, then write the three texts. */
async function moveAll(dir: string, rel: string): Promise<void> {
  const file = path.join(dir, rel);
  for (;;) {
    const text = await readFile(file, 'utf8');
    const finding = scanSecrets({ path: file, text, language: languageOf(file) })[0];
    if (!finding) return;
    const result = planMoveToEnv({ path: file, text, finding, envText: await readOrNull(path.join(dir, '.env')), gitignoreText: await readOrNull(path.join(dir, '.gitignore')) });
    assert.ok(result.ok, result.ok ? '' : result.reason);
    await writeFile(file, applyEdits(text, result.plan.edits));
    if (result.plan.envText !== null) await writeFile(path.join(dir, '.env'), result.plan.envText);
    if (result.plan.gitignoreText !== null) await writeFile(path.join(dir, '.gitignore'), result.plan.gitignoreText);
  }
}

describe('move secrets to .env, then run the program', () => {
  const dir = useTempDir('move-to-env');

  it('Node reads the moved secrets back with --env-file, and git ignores .env', async () => {
    const stripe = fake.stripe();
    const github = fake.githubToken();
    const pem = freshPrivateKeyPem();
    await writeTree(dir(), {
      'node_modules/.keep': '',
      '.gitignore': 'node_modules\n',
      'app.js': [
        `const stripeKey = "${stripe}";`,
        `const headers = { Authorization: 'token ${github}' };`,
        `const privateKey = "${pem.replace(/\n/g, '\\n')}";`,
        'process.stdout.write(JSON.stringify([stripeKey, headers.Authorization, privateKey]));',
        '',
      ].join('\n'),
    });
    await gitRepo(dir());
    await moveAll(dir(), 'app.js');

    const code = await readFile(path.join(dir(), 'app.js'), 'utf8');
    assert.ok(!code.includes(stripe) && !code.includes(github) && !code.includes('BEGIN PRIVATE KEY'));
    const { stdout } = await run(process.execPath, ['--env-file=.env', 'app.js'], { cwd: dir() });
    assert.deepEqual(JSON.parse(stdout), [stripe, `token ${github}`, pem]);
    await git(dir(), 'check-ignore', '-q', '.env');
    assert.doesNotMatch(await git(dir(), 'status', '--porcelain'), /\.env/);
  });

  it('Python reads them with os.environ', async () => {
    const anthropic = fake.anthropicKey();
    const password = fake.urlPassword();
    await writeTree(dir(), {
      'bot.py': `"""Bot."""\nimport json\n\nKEY = "${anthropic}"\nDB = 'postgres://bot:${password}@db.internal/bot'\nprint(json.dumps([KEY, DB]))\n`,
      '.env': 'EXISTING=1\n',
    });
    await moveAll(dir(), 'bot.py');
    const env = Object.fromEntries(parseDotenv(await readFile(path.join(dir(), '.env'), 'utf8')).entries.map((e) => [e.key, e.value]));
    assert.deepEqual(Object.keys(env), ['EXISTING', 'ANTHROPIC_API_KEY', 'DATABASE_URL']);
    const { stdout } = await run('python3', ['bot.py'], { cwd: dir(), env: { ...process.env, ...env } });
    assert.deepEqual(JSON.parse(stdout), [anthropic, `postgres://bot:${password}@db.internal/bot`]);
  });
});
