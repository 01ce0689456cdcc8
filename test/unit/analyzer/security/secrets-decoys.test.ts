import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeSecrets } from './fakeSecrets';
import { secretsIn } from './helpers';

const fake = new FakeSecrets(99);

/** Builds the jwt.io debugger's example token rather than pasting it. */
function jwtIoExample(): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${fake.chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', 43)}`;
}

describe('secrets scanner: decoys are not flagged', () => {
  it("skips AWS's documented example keys and hand-typed placeholders of every provider", () => {
    const decoys = [
      'AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAXXXXXXXXXXXXXXXX', 'AKIA1234567890ABCDEF',
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_0123456789abcdefghijklmnopqrstuvwxyz', 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
      'glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-<your-access-token>', 'xoxb-your-bot-token-here', 'xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'sk_live_<your_key>',
      `sk_test_${'4eC39HqLyjWDarjtT1zdp7dc'}`, 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'sk-your-api-key-here', 'sk-proj-...', 'sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'OPENAI_API_KEY=sk-...',
    ];
    for (const decoy of decoys) assert.deepEqual(secretsIn(`const example = "${decoy}";`), [], decoy);
  });

  it('skips GitHub-shaped tokens whose CRC32 checksum does not add up', () => {
    const real = fake.githubToken();
    const broken = real.slice(0, -1) + (real.endsWith('a') ? 'b' : 'a');
    assert.equal(secretsIn(`t = "${real}"`).length, 1);
    assert.deepEqual(secretsIn(`t = "${broken}"`), []);
  });

  it('skips public keys, truncated docs keys and templated key blocks', () => {
    const body = Array.from({ length: 6 }, () => fake.base64(64)).join('\n');
    assert.deepEqual(secretsIn(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`, '/proj/key.pub'), []);
    assert.deepEqual(secretsIn('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n...\n-----END RSA PRIVATE KEY-----', '/proj/README.md'), []);
    assert.deepEqual(secretsIn('const pem = `-----BEGIN PRIVATE KEY-----\n${key}\n-----END PRIVATE KEY-----`;'), []);
    assert.deepEqual(secretsIn('-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your key here>\n-----END OPENSSH PRIVATE KEY-----', '/proj/docs.md'), []);
  });

  it("skips jwt.io's example token, Supabase anon keys, unsigned tokens and dotted base64 that is not JSON", () => {
    const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const anon = fake.jwt({ role: 'anon', iss: 'supabase' });
    const unsigned = `${part({ alg: 'none' })}.${part({ sub: 'x' })}.`;
    const notJson = `eyJ${fake.base64(30).replace(/[+/]/g, 'a')}.eyJ${fake.base64(30).replace(/[+/]/g, 'b')}.${fake.base64(40).replace(/[+/]/g, 'c')}`;
    for (const token of [jwtIoExample(), anon, unsigned, notJson]) assert.deepEqual(secretsIn(`const t = "${token}";`), [], token.slice(0, 20));
  });

  it('skips database URLs whose password is a reference, a placeholder, or a default on a local host', () => {
    const urls = [
      'postgres://user:${DB_PASSWORD}@db.prod.internal/app', 'postgres://user:$DB_PASSWORD@db/app', 'mongodb+srv://user:<password>@cluster0.mongodb.net',
      'postgres://postgres:postgres@localhost:5432/app', 'mysql://root:root@127.0.0.1/shop', 'redis://:changeme@redis.internal:6379',
      'postgres://user:password@db.example.com/app', 'postgres://db.prod.internal:5432/app', 'amqp://guest:guest@rabbitmq:5672',
      'postgres://user:%s@%s/%s',
    ];
    for (const url of urls) assert.deepEqual(secretsIn(`url = "${url}"`, '/proj/settings.py'), [], url);
  });

  it('skips git SHAs, SRI integrity hashes and checksums, which look random but are public', () => {
    const text = [
      `const commit = "${fake.hex(40)}";`,
      `"integrity": "sha512-${fake.base64(86)}=="`,
      `<script src="x.js" integrity="sha384-${fake.base64(64)}" crossorigin="anonymous"></script>`,
      `checksum: ${fake.hex(64)}`,
      `resolved "https://registry.yarnpkg.com/x/-/x-1.0.0.tgz#${fake.hex(40)}"`,
      `const passwordHash = "$2b$10$${fake.base64(53).replace(/[+]/g, '.')}";`,
    ].join('\n');
    assert.deepEqual(secretsIn(text, '/proj/src/data.ts'), []);
    assert.deepEqual(secretsIn(text, '/proj/config.yml'), []);
  });

  it("skips lockfiles, .env files (where secrets belong) and .env.example (placeholders by definition)", () => {
    const key = `STRIPE_KEY=${fake.stripe()}\nGITHUB_TOKEN=${fake.githubToken()}\n`;
    for (const file of ['/proj/package-lock.json', '/proj/yarn.lock', '/proj/pnpm-lock.yaml', '/proj/.env', '/proj/.env.local', '/proj/.env.example', '/proj/.env.sample']) {
      assert.deepEqual(secretsIn(key, file), [], file);
    }
    assert.equal(secretsIn(key, '/proj/deploy/stripe.conf').length, 2);
  });

  it("finds nothing in this repository's own package-lock.json, even under another name", () => {
    const lock = readFileSync(path.join(__dirname, '../../../../package-lock.json'), 'utf8');
    assert.deepEqual(secretsIn(lock, '/proj/package-lock.json'), []);
    assert.deepEqual(secretsIn(lock, '/proj/dependencies.json').map((f) => f.ruleId), []);
  });

  it('in tests, fixtures, examples and docs, drops the generic guess and JWTs, and keeps provider keys as warnings', () => {
    const text = `const password = "${fake.password(16)}";\nconst jwt = "${fake.jwt()}";\nconst key = "${fake.stripe()}";`;
    for (const file of ['/proj/test/login.test.ts', '/proj/src/__tests__/auth.ts', '/proj/examples/basic.js', '/proj/src/auth.spec.ts', '/proj/pkg/auth_test.go', '/proj/README.md', '/proj/docs/setup.rst']) {
      const found = secretsIn(text, file);
      assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['secret/stripe-secret-key', 'warning']], file);
      assert.match(found[0]?.message ?? '', /in a test or example file/);
    }
    assert.equal(secretsIn(text, '/proj/src/auth.ts').length, 3);
    // only folders inside the project count when its root is known
    assert.equal(secretsIn(text, '/home/me/examples/shop/src/auth.ts', { projectDir: '/home/me/examples/shop' }).length, 3);
    assert.equal(secretsIn(text, '/home/me/examples/shop/test/auth.ts', { projectDir: '/home/me/examples/shop' }).length, 1);
  });
});
