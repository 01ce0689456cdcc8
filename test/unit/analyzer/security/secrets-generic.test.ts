import assert from 'node:assert/strict';
import { FakeSecrets, leaks } from './fakeSecrets';
import { secretsIn, visibleText } from './helpers';

const fake = new FakeSecrets(2024);

/** `[envName, severity]` of the generic findings in a text. */
function generic(text: string, file: string): Array<[unknown, string]> {
  return secretsIn(text, file).filter((f) => f.ruleId === 'secret/generic').map((f) => [f.data?.envName, f.severity]);
}

describe('secrets scanner: high-entropy values assigned to secret-looking names', () => {
  it('finds them in JS/TS, Python, Go, JSON, YAML, .properties and shell, naming the variable after the key', () => {
    const cases: Array<[string, string, string]> = [
      [`const apiKey = "${fake.base64(32)}";`, '/p/src/client.ts', 'API_KEY'],
      [`this.config.stripe.secretKey = '${fake.base64(40)}';`, '/p/src/pay.js', 'STRIPE_SECRET_KEY'],
      [`SECRET_KEY = '${fake.base64(50)}'`, '/p/app/settings.py', 'SECRET_KEY'],
      [`token := "${fake.hex(40)}"`, '/p/cmd/main.go', 'TOKEN'],
      [`{ "client_secret": "${fake.base64(32)}" }`, '/p/credentials.json', 'CLIENT_SECRET'],
      [`database:\n  password: ${fake.password(14)}`, '/p/config/app.yml', 'PASSWORD'],
      [`spring.datasource.password=${fake.password(16)}`, '/p/src/main/resources/application.properties', 'DATASOURCE_PASSWORD'],
      [`export AUTH_TOKEN=${fake.base64(32)}`, '/p/scripts/deploy.sh', 'AUTH_TOKEN'],
      [`headers["X-Api-Key"] = "${fake.hex(32)}"`, '/p/src/api.ts', 'X_API_KEY'],
      [`'db_password' => '${fake.password(12)}',`, '/p/config/database.php', 'DB_PASSWORD'],
      [`const session = { secret: "Bearer ${fake.base64(32)}" }`, '/p/src/server.ts', 'SECRET'],
    ];
    for (const [text, file, envName] of cases) assert.deepEqual(generic(text, file), [[envName, 'warning']], text.slice(0, 40));
  });

  it('never shows a password, and shows at most four characters of a token', () => {
    const password = fake.password(16);
    const token = fake.base64(32);
    const found = secretsIn(`password = "${password}"\napi_token = "${token}"`, '/p/app.py');
    assert.equal(found.length, 2);
    assert.match(found[0]?.message ?? '', /\*\*\*\* is written/);
    assert.ok(!(found[0]?.message ?? '').includes(password.slice(0, 2)));
    assert.ok(!leaks(visibleText(found), password) && !leaks(visibleText(found), token));
  });

  it('skips low-entropy, short, wordy, self-describing and referenced values', () => {
    const decoys = [
      'password = "hunter"', 'token = "abc"', 'secret = "my-app-session-secret"', 'password: "Enter your password"', 'api_key = "your_api_key"',
      'api_key = "${API_KEY}"', 'password = "{{ vault_password }}"', 'secret = "changeme"', 'token = "xxxxxxxxxxxxxxxxxxxxxxxx"', 'password = "12345678"',
      'apiKey = "REPLACE_ME_WITH_A_KEY"', 'secret = "resetPasswordTokenField"', 'token = "/api/v1/auth/token"', 'authSecret = "https://vault.internal/v1/kv/app"',
      'password = "<password>"', "password = '%(db_password)s'", 'token = "0123456789abcdef0123"',
    ];
    for (const text of decoys) assert.deepEqual(generic(text, '/p/src/settings.py'), [], text);
  });

  it('skips prose in other scripts and constant-like identifiers (seen in real packages)', () => {
    const decoys = [
      '"index_signature_parameter_1020": "索引签名参数不能具有初始化表达式。"', 'const secret = "pässwörter-für-alle-zwölf";',
      'FLOW_AUTH_METHOD_REQUIRED_V2 = "FlowAuthMethodRegistrationRequiredResultV2"', 'const sessionToken = "user_session_token_v1";', 'authHeader = "HTTP_AUTH_HEADER_NAME"',
    ];
    for (const text of decoys) assert.deepEqual(generic(text, '/p/src/messages.ts'), [], text);
  });

  it('skips names that are about a secret rather than one, and bare "key"', () => {
    const value = fake.base64(32);
    const names = ['passwordHash', 'token_type', 'tokenizer', 'password_field', 'secretName', 'sessionId', 'key', 'cacheKey', 'primaryKey', 'publicKey', 'passwordRegex', 'tokenEndpoint'];
    for (const name of names) assert.deepEqual(generic(`const ${name} = "${value}";`, '/p/src/a.ts'), [], name);
  });

  it('takes unquoted values only from config files: in code they are identifiers and calls', () => {
    assert.deepEqual(generic(`const token = getToken(${fake.base64(10)});\napi_key = os.environ.get("API_KEY")\npassword: string = input`, '/p/src/a.ts'), []);
    assert.deepEqual(generic(`secret: ${fake.base64(32)}`, '/p/src/a.ts'), []);
    assert.equal(generic(`secret: ${fake.base64(32)}`, '/p/deploy/values.yaml').length, 1);
  });

  it('does not guess on minified lines over 10,000 characters (provider patterns still run there)', () => {
    const line = `${'var a=1;'.repeat(1300)}var apiKey="${fake.base64(32)}";var gh="${fake.githubToken()}";`;
    assert.deepEqual(secretsIn(line, '/p/dist/app.min.js').map((f) => f.ruleId), ['secret/github-token']);
  });
});
