import assert from 'node:assert/strict';
import { joinArgs, maskCommandLine, secretKind } from '../../../language-server/scanner/runtime/mask';

describe('maskCommandLine', () => {
  it('copes with empty and odd input without throwing', () => {
    assert.equal(maskCommandLine(''), '');
    assert.equal(maskCommandLine([]), '');
    assert.equal(maskCommandLine(['']), "''");
    assert.equal(maskCommandLine('--token='), '--token=');
    assert.equal(maskCommandLine('--token'), '--token');
    assert.equal(maskCommandLine('==== -- - = @@ ://:@'), '==== -- - = @@ ://:@');
    assert.equal(maskCommandLine('x'.repeat(100000)).length, 100000);
  });

  it('leaves ordinary command lines alone', () => {
    for (const line of ['node server.js --port 3000', 'python3 -m http.server 8000', 'vite --host 0.0.0.0', 'npm run dev', 'node --inspect=9229 app.js', 'java -Dspring.profiles.active=dev -jar app.jar', 'cd /home/a PWD=/home/a']) {
      assert.equal(maskCommandLine(line), line);
    }
  });

  it('masks --flag=value, keeping four characters of a long token', () => {
    assert.equal(maskCommandLine('app --token=abcd1234'), 'app --token=abcd****');
    assert.equal(maskCommandLine('app --api-key=sk_live_123456789'), 'app --api-key=sk_l****');
    assert.equal(maskCommandLine('app --apiKey=abc'), 'app --apiKey=****');
    assert.equal(maskCommandLine('app -client_secret=0123456789'), 'app -client_secret=0123****');
  });

  it('masks passwords whole', () => {
    assert.equal(maskCommandLine('mysqld --password=hunter2hunter2'), 'mysqld --password=****');
    assert.equal(maskCommandLine(['pg', '--password', 'x']), 'pg --password ****');
    assert.equal(maskCommandLine('redis-server --requirepass s3cr3t'), 'redis-server --requirepass ****');
  });

  it('masks the word after a secret flag, but not a following flag', () => {
    assert.equal(maskCommandLine('cli --token abcdefgh123 --verbose'), 'cli --token abcd**** --verbose');
    assert.equal(maskCommandLine('cli --token --verbose'), 'cli --token --verbose');
  });

  it('leaves flags that name where a secret is, not the secret', () => {
    assert.equal(maskCommandLine('app --password-file=/run/secrets/db --token-path /tmp/t'), 'app --password-file=/run/secrets/db --token-path /tmp/t');
    assert.equal(maskCommandLine('app --auth-type=basic'), 'app --auth-type=basic');
  });

  it('masks credentials in URLs', () => {
    assert.equal(maskCommandLine('app postgres://admin:pa55w0rd@db:5432/x'), 'app postgres://admin:****@db:5432/x');
    assert.equal(maskCommandLine('git clone https://user:ghp_abcdefghijkl@github.com/o/r'), 'git clone https://user:****@github.com/o/r');
    assert.equal(maskCommandLine('curl https://api.x.com/v1?user=a&access_token=abcdefgh1234&x=1'), 'curl https://api.x.com/v1?user=a&access_token=abcd****&x=1');
    assert.equal(maskCommandLine('open http://example.com/a@b'), 'open http://example.com/a@b');
  });

  it('masks KEY=secret environment assignments for keys that look secret', () => {
    assert.equal(maskCommandLine('env API_KEY=abcdefgh1234 DATABASE_PASSWORD=x NODE_ENV=production node app'), 'env API_KEY=abcd**** DATABASE_PASSWORD=**** NODE_ENV=production node app');
    assert.equal(maskCommandLine(['env', 'GITHUB_TOKEN=ghp_1234567890', 'PORT=3000']), 'env GITHUB_TOKEN=ghp_**** PORT=3000');
  });

  it('masks bearer tokens in header arguments', () => {
    assert.equal(maskCommandLine(['curl', '-H', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9', 'http://x']), "curl -H 'Authorization: Bearer eyJh****' http://x");
  });

  it('is idempotent', () => {
    const once = maskCommandLine('app --token=abcd1234 --password x postgres://a:b@h');
    assert.equal(maskCommandLine(once), once);
  });
});

describe('secretKind', () => {
  it('splits names into words and knows passwords from tokens', () => {
    assert.equal(secretKind('--db-password'), 'password');
    assert.equal(secretKind('DB_PASS'), 'password');
    assert.equal(secretKind('apiKey'), 'secret');
    assert.equal(secretKind('--api_key'), 'secret');
    assert.equal(secretKind('--port'), null);
    assert.equal(secretKind('--keyboard'), null);
    assert.equal(secretKind('--tokenizer'), null);
    assert.equal(secretKind(''), null);
  });
});

describe('joinArgs', () => {
  it('quotes arguments a shell would split', () => {
    assert.equal(joinArgs(['sh', '-c', 'node server.js']), "sh -c 'node server.js'");
    assert.equal(joinArgs(['echo', "it's"]), "echo 'it'\\''s'");
    assert.equal(joinArgs(['a', '']), "a ''");
  });
});
