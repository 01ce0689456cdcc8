import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildOnce, optimus, type CliRun } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';
import { killAllIn } from './procs';

/** Values that must never be printed or stored; each long enough that its mask shows 4 characters at most. */
const SECRETS = {
  DATABASE_URL: 'postgres://app:Xq7Vbn2Lk9Pw@db.internal:5432/app',
  STRIPE_KEY: 'sk_live_Mf83KdQa71ZzT0pL',
  LOCAL_TOKEN: 'ghp_Jw4nR8sT2vY6bC0eQ',
  PROD_PASSWORD: 'Tr0ub4dor&3-horse-battery',
  DUPLICATE: 'first-Hy5Gt2Wq8Nm4Ks',
  BROKEN: 'unclosed-Rf6Ux3Pj9Lq',
} as const;

interface EnvJson {
  path: string;
  profile: string;
  profileSource: string;
  files: Array<{ name: string; role: string; keys: Array<{ key: string; value: string }> }>;
  example: string | null;
  missing: string[];
  extra: string[];
}

describe('optimus env', function () {
  this.timeout(60000);
  before(buildOnce);
  let dir = '';
  afterEach(() => dir && killAllIn(dir)); // before useTempDir's clean-up, while /proc still names the folder
  const tmp = useTempDir('cli-env');
  beforeEach(() => (dir = tmp()));
  const project = () => path.join(tmp(), 'app');
  const db = () => path.join(tmp(), 'home', 'optimus.sqlite');
  const cli = (...args: string[]) => optimus([...args, '--db', db()], { OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });

  beforeEach(() =>
    writeTree(project(), {
      'package.json': JSON.stringify({ name: 'app' }),
      '.env': `DATABASE_URL=${SECRETS.DATABASE_URL}\nSTRIPE_KEY="${SECRETS.STRIPE_KEY}"\nDUPLICATE=${SECRETS.DUPLICATE}\nDUPLICATE=second-${SECRETS.DUPLICATE}\nnot a line ${SECRETS.BROKEN}\nQUOTE="${SECRETS.BROKEN}\n`,
      '.env.local': `LOCAL_TOKEN=${SECRETS.LOCAL_TOKEN}\n`,
      '.env.production': `PROD_PASSWORD=${SECRETS.PROD_PASSWORD}\n`,
      '.env.example': 'DATABASE_URL=\nSTRIPE_KEY=\nREDIS_URL=\nSENTRY_DSN=\n',
    }),
  );

  function assertNoSecret(run: CliRun, mode: string): void {
    for (const [key, value] of Object.entries(SECRETS)) {
      for (const stream of [run.stdout, run.stderr]) {
        assert.equal(stream.includes(value), false, `${key} in full in ${mode}`);
        assert.equal(stream.includes(value.slice(4)), false, `the masked part of ${key} in ${mode}`);
      }
    }
  }

  it('--json shows the files, the profile, masked keys and the keys missing from .env.example', async () => {
    const run = await cli('env', project(), '--json');
    assert.equal(run.code, 0, run.stderr);
    assertNoSecret(run, '--json');
    const view = JSON.parse(run.stdout) as EnvJson;
    assert.deepEqual([view.path, view.profile, view.profileSource], [project(), 'development', 'default']);
    assert.deepEqual(view.files.map((f) => `${f.name} ${f.role}`), ['.env active', '.env.local active', '.env.example example', '.env.production inactive']);
    const keys = Object.fromEntries(view.files.filter((f) => f.role === 'active').flatMap((f) => f.keys.map((k) => [k.key, k.value])));
    assert.equal(keys.STRIPE_KEY, 'sk_l****');
    assert.equal(keys.LOCAL_TOKEN, 'ghp_****');
    assert.equal(view.example, path.join(project(), '.env.example'));
    assert.deepEqual(view.missing, ['REDIS_URL', 'SENTRY_DSN']);
    assert.ok(view.extra.includes('LOCAL_TOKEN'));
  });

  it('--profile picks another profile', async () => {
    const run = await cli('env', project(), '--profile', 'production', '--json');
    assertNoSecret(run, '--profile production');
    const view = JSON.parse(run.stdout) as EnvJson;
    assert.deepEqual([view.profile, view.profileSource], ['production', 'argument']);
    assert.equal(view.files.find((f) => f.name === '.env.production')?.role, 'active');
    assert.equal(view.files.find((f) => f.name === '.env.local')?.role, 'active');
  });

  it('never prints a value in any mode, with the problems of malformed lines on stderr', async () => {
    const batch = await cli('env', project(), '--json', '--batch');
    assertNoSecret(batch, '--json --batch');
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; key?: string });
    assert.equal(lines[0]?.kind, 'profile');
    assert.deepEqual(lines.filter((l) => l.kind === 'missing').map((l) => l.key), ['REDIS_URL', 'SENTRY_DSN']);
    assert.ok(lines.some((l) => l.kind === 'key' && l.key === 'DATABASE_URL'));
    assert.match(batch.stderr, /line 5 is not KEY=value/);

    const table = await cli('env', project());
    assert.equal(table.code, 0, table.stderr);
    assertNoSecret(table, 'table');
    assert.match(table.stdout, /^Profile {2}development \(default\)\nExample {2}\.env\.example\n/);
    assert.match(table.stdout, /\.env\s+active\s+STRIPE_KEY\s+sk_l\*\*\*\*/);
    assert.match(table.stdout, /Missing \(in \.env\.example, set by no file of development\): REDIS_URL, SENTRY_DSN/);
    assert.match(table.stderr, /DUPLICATE is set again/);
  });

  it('keeps values out of the store, and out of everything start and stop print and audit', async () => {
    const inline = 'Vn4Kp8Qs2Wx6Zb0Jd';
    await writeTree(project(), { '.optimus.json': JSON.stringify({ start: `SESSION_TOKEN=${inline} node -e "setTimeout(() => {}, 60000)"` }) });
    for (const args of [['env', project(), '--json'], ['start', project(), '--json'], ['stop', project()], ['audit', '--json'], ['audit']]) {
      const run = await cli(...args);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      assertNoSecret(run, args.join(' '));
    }
    const bytes = await readFile(db());
    for (const [key, value] of Object.entries(SECRETS)) assert.equal(bytes.includes(value), false, `${key} in the store file`);
    assert.equal(bytes.includes(inline), false, 'a token written into the start command is masked in the audit row');
  });

  it('exits 2 without a PATH, with a missing folder or a bad profile name', async () => {
    for (const [args, pattern] of [
      [['env'], /needs PATH: type `optimus env PATH`/],
      [['env', path.join(tmp(), 'nope')], /No such folder: .*nope/],
      [['env', project(), '--profile', '../etc'], /--profile: "\.\.\/etc" is not a profile name/],
    ] as const) {
      const run = await cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, pattern);
    }
  });
});
