import assert from 'node:assert/strict';
import { FakeSecrets, freshPrivateKeyPem, leaks } from './fakeSecrets';
import { ruleIds, secretsIn, visibleText } from './helpers';

const fake = new FakeSecrets(1234);

/** One line of code holding `secret`, scanned alone: the rule id, severity and suggested variable it gets. */
function single(secret: string, line = `const value = "${secret}";`): { ruleId?: string; severity?: string; envName?: unknown; leaked: boolean } {
  // a webhook's host and path are public: its secret is the last segment
  const hidden = secret.startsWith('https://') ? secret.slice(secret.lastIndexOf('/') + 1) : secret;
  const found = secretsIn(line);
  assert.equal(found.length, 1, `expected one finding in: ${line.slice(0, 40)}`);
  const [f] = found;
  return { ruleId: f?.ruleId, severity: f?.severity, envName: f?.data?.envName, leaked: leaks(visibleText(found), hidden) };
}

describe('secrets scanner: provider formats', () => {
  const cases: Array<[string, () => string, string, string, string]> = [
    ['AWS access key id (AKIA)', () => fake.awsKeyId(), 'secret/aws-access-key', 'error', 'AWS_ACCESS_KEY_ID'],
    ['AWS temporary key id (ASIA)', () => fake.awsKeyId('ASIA'), 'secret/aws-access-key', 'error', 'AWS_ACCESS_KEY_ID'],
    ['GitHub classic token (ghp_)', () => fake.githubToken('ghp'), 'secret/github-token', 'error', 'GITHUB_TOKEN'],
    ['GitHub OAuth token (gho_)', () => fake.githubToken('gho'), 'secret/github-token', 'error', 'GITHUB_TOKEN'],
    ['GitHub app token (ghs_)', () => fake.githubToken('ghs'), 'secret/github-token', 'error', 'GITHUB_TOKEN'],
    ['GitHub fine-grained token (github_pat_)', () => fake.githubPat(), 'secret/github-token', 'error', 'GITHUB_TOKEN'],
    ['GitLab token (glpat-)', () => fake.gitlabToken(), 'secret/gitlab-token', 'error', 'GITLAB_TOKEN'],
    ['Slack bot token (xoxb-)', () => fake.slackBotToken(), 'secret/slack-token', 'error', 'SLACK_BOT_TOKEN'],
    ['Slack webhook', () => fake.slackWebhook(), 'secret/slack-webhook', 'error', 'SLACK_WEBHOOK_URL'],
    ['Stripe live key (sk_live_)', () => fake.stripe('sk_live_'), 'secret/stripe-secret-key', 'error', 'STRIPE_SECRET_KEY'],
    ['Stripe restricted key (rk_live_)', () => fake.stripe('rk_live_', 24), 'secret/stripe-secret-key', 'error', 'STRIPE_RESTRICTED_KEY'],
    ['Stripe test key (sk_test_) as info', () => fake.stripe('sk_test_'), 'secret/stripe-test-key', 'info', 'STRIPE_SECRET_KEY'],
    ['Google API key (AIza)', () => fake.googleApiKey(), 'secret/google-api-key', 'error', 'GOOGLE_API_KEY'],
    ['OpenAI project key (sk-proj-)', () => fake.openaiProjectKey(), 'secret/openai-api-key', 'error', 'OPENAI_API_KEY'],
    ['OpenAI legacy key (sk-…T3BlbkFJ…)', () => fake.openaiLegacyKey(), 'secret/openai-api-key', 'error', 'OPENAI_API_KEY'],
    ['Anthropic key (sk-ant-api03-)', () => fake.anthropicKey(), 'secret/anthropic-api-key', 'error', 'ANTHROPIC_API_KEY'],
  ];
  for (const [name, make, ruleId, severity, envName] of cases) {
    it(`finds it and names the variable, showing no part of it: ${name}`, () => {
      assert.deepEqual(single(make()), { ruleId, severity, envName, leaked: false });
    });
  }

  it('finds an AWS secret access key by the name it is assigned to, in several syntaxes', () => {
    for (const line of [
      `aws_secret_access_key = ${fake.awsSecret()}`,
      `AWS_SECRET_ACCESS_KEY="${fake.awsSecret()}"`,
      `credentials: { accessKeyId: process.env.ID, secretAccessKey: '${fake.awsSecret()}' }`,
      `os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "${fake.awsSecret()}")`,
    ]) assert.deepEqual(ruleIds(secretsIn(line, '/proj/deploy.py')), ['secret/aws-secret-key'], line.slice(0, 30));
  });

  it('finds a PEM private key, in a file of its own and inside a string with \\n escapes, reporting the whole block', () => {
    const pem = freshPrivateKeyPem();
    const own = secretsIn(pem, '/proj/certs/server.key');
    assert.deepEqual([ruleIds(own), own[0]?.line, own[0]?.endLine, own[0]?.severity], [['secret/private-key'], 1, 3, 'error']);
    const escaped = secretsIn(`const key = "${pem.replace(/\n/g, '\\n')}";`);
    assert.deepEqual(ruleIds(escaped), ['secret/private-key']);
    assert.ok(!leaks(visibleText([...own, ...escaped]), pem.split('\n')[1] ?? ''));
  });

  it('rates an encrypted private key a warning', () => {
    const body = Array.from({ length: 8 }, () => fake.base64(64)).join('\n');
    const found = secretsIn(`-----BEGIN ENCRYPTED PRIVATE KEY-----\n${body}\n-----END ENCRYPTED PRIVATE KEY-----\n`, '/proj/key.pem');
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['secret/private-key', 'warning']]);
  });

  it('finds signed JWTs: a warning, an error for a service-role token, info once expired', () => {
    const now = Math.floor(Date.now() / 1000);
    const plain = secretsIn(`const t = "${fake.jwt({ sub: 'u1', exp: now + 3600 })}"`);
    const service = secretsIn(`const t = "${fake.jwt({ role: 'service_role', iss: 'supabase' })}"`);
    const expired = secretsIn(`const t = "${fake.jwt({ sub: 'u1', exp: now - 3600 })}"`);
    assert.deepEqual([...plain, ...service, ...expired].map((f) => [f.ruleId, f.severity]), [['secret/jwt', 'warning'], ['secret/jwt', 'error'], ['secret/jwt', 'info']]);
    assert.match(expired[0]?.message ?? '', /expired/);
  });

  it('finds database URLs with passwords, flags the password, and moves the whole URL', () => {
    const password = fake.urlPassword(18);
    const cases: Array<[string, string, string]> = [
      [`postgres://app:${password}@db.prod.internal:5432/app`, 'DATABASE_URL', 'error'],
      [`postgresql+psycopg2://app:${password}@10.0.3.7/app`, 'DATABASE_URL', 'error'],
      [`mysql://root:${password}@mysql.internal/shop`, 'DATABASE_URL', 'error'],
      [`mongodb+srv://svc:${password}@cluster0.ab1cd.mongodb.net/db`, 'MONGODB_URI', 'error'],
      [`redis://:${password}@cache.internal:6379/0`, 'REDIS_URL', 'error'],
      [`amqps://bus:${password}@mq.internal/vhost`, 'AMQP_URL', 'error'],
      [`postgres://app:${password}@localhost:5432/app`, 'DATABASE_URL', 'warning'],
    ];
    for (const [url, envName, severity] of cases) {
      const text = `DATABASE = "${url}"`;
      const found = secretsIn(text, '/proj/app/settings.py');
      assert.deepEqual(found.map((f) => [f.ruleId, f.severity, f.data?.envName, f.data?.moveWhole]), [['secret/database-url', severity, envName, true]], url.slice(0, 12));
      assert.equal(text.slice(Number(found[0]?.data?.start), Number(found[0]?.data?.end)), password);
      assert.ok(!leaks(visibleText(found), password));
    }
  });

  it('carries the secret and literal offsets, a sha256 fingerprint and the suggested variable in data', () => {
    const key = fake.githubToken();
    const text = `headers.Authorization = 'token ${key}';`;
    const [f] = secretsIn(text);
    assert.equal(text.slice(Number(f?.data?.start), Number(f?.data?.end)), key);
    assert.equal(text.slice(Number(f?.data?.literalStart), Number(f?.data?.literalEnd)), `'token ${key}'`);
    assert.match(String(f?.data?.fingerprint), /^[0-9a-f]{64}$/);
    assert.deepEqual([f?.category, f?.data?.envName, f?.data?.moveWhole], ['security', 'GITHUB_TOKEN', false]);
  });

  it('reports a token once when a generic name pattern also matches it', () => {
    const found = secretsIn(`const apiKey = "${fake.openaiProjectKey()}";\nconst github_token = "${fake.githubToken()}";`);
    assert.deepEqual(ruleIds(found), ['secret/openai-api-key', 'secret/github-token']);
  });
});
