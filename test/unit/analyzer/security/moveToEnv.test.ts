import assert from 'node:assert/strict';
import { parseScript } from '../../../../language-server/analyzer/source';
import { dotenvValue } from '../../../../language-server/analyzer/security/moveToEnv/envFileText';
import { planMoveToEnv, type MoveToEnvInput, type MoveToEnvPlan } from '../../../../language-server/analyzer/security/moveToEnv/moveToEnv';
import { parseDotenv } from '../../../../language-server/orchestrator/env/dotenv';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { FakeSecrets, freshPrivateKeyPem, leaks } from './fakeSecrets';
import { applyEdits, secretsIn } from './helpers';

const fake = new FakeSecrets(314);

interface Moved {
  plan: MoveToEnvPlan;
  code: string;
  env: Record<string, string>;
}

/** Scans `text`, plans the move of its first finding, and applies the plan's edits. */
function move(text: string, path = '/proj/src/app.ts', envText: string | null = null, gitignoreText: string | null = null): Moved {
  const finding = secretsIn(text, path)[0];
  assert.ok(finding, 'expected a finding to move');
  const result = planMoveToEnv({ path, text, finding, envText, gitignoreText });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  const { plan } = result;
  const env = Object.fromEntries(parseDotenv(plan.envText ?? envText ?? '').entries.map((e) => [e.key, e.value]));
  return { plan, code: applyEdits(text, plan.edits), env };
}

function refused(input: Partial<MoveToEnvInput> & { text: string; finding: AnalyzerFinding }): string {
  const result = planMoveToEnv({ path: '/proj/src/app.ts', envText: null, gitignoreText: null, ...input });
  assert.ok(!result.ok);
  return result.reason;
}

function syntaxErrors(path: string, text: string): number {
  return (parseScript(path, text) as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

describe('move a secret to .env', () => {
  describe('bad input first', () => {
    const key = fake.githubToken();
    const text = `const token = "${key}";`;
    const finding = secretsIn(text)[0] as AnalyzerFinding;

    it('refuses findings without usable offsets, offsets past the text, and non-secret findings', () => {
      assert.match(refused({ text, finding: { ...finding, data: {} } }), /does not say where/);
      assert.match(refused({ text: 'short', finding }), /does not say where/);
      assert.match(refused({ text, finding: { ...finding, ruleId: 'security/eval' } }), /only secret findings/);
    });

    it('refuses when the file changed since the scan, so stale offsets never edit the wrong text', () => {
      const edited = `const other = 1;\n${text}`;
      assert.match(refused({ text: edited, finding }), /changed since it was analyzed/);
    });

    it('refuses files that cannot read the environment this way, and secrets outside string literals', () => {
      assert.match(refused({ path: '/proj/config.yml', text, finding }), /only JavaScript, TypeScript and Python/);
      const comment = `// old token: ${key}\nconst x = 1;`;
      assert.match(refused({ text: comment, finding: secretsIn(comment)[0] as AnalyzerFinding }), /not inside a string literal/);
      const typed = `type Token = "${key}";`;
      assert.match(refused({ text: typed, finding: secretsIn(typed)[0] as AnalyzerFinding }), /a type/);
    });

    it('refuses a whole-URL move out of a template with substitutions, and Python bytes or triple-quoted strings', () => {
      const url = `const db = \`postgres://app:${fake.urlPassword()}@\${host}/app\`;`;
      assert.match(refused({ text: url, finding: secretsIn(url)[0] as AnalyzerFinding }), /substitutions/);
      const bytes = `TOKEN = b"${key}"`;
      assert.match(refused({ path: '/p/a.py', text: bytes, finding: secretsIn(bytes, '/p/a.py')[0] as AnalyzerFinding }), /bytes/);
      const triple = `TOKEN = """${key}"""`;
      assert.match(refused({ path: '/p/a.py', text: triple, finding: secretsIn(triple, '/p/a.py')[0] as AnalyzerFinding }), /triple/);
    });
  });

  it('replaces a whole literal with process.env.NAME, appends NAME=value to .env and ignores .env in git', () => {
    const key = fake.stripe();
    const { plan, code, env } = move(`import Stripe from 'stripe';\nconst stripe = new Stripe("${key}");\n`);
    assert.equal(code, `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`);
    assert.deepEqual(env, { STRIPE_SECRET_KEY: key });
    assert.equal(plan.envText, `STRIPE_SECRET_KEY=${key}\n`);
    assert.equal(plan.gitignoreText, '.env\n');
    assert.equal(plan.title, 'Move this Stripe live key to .env as STRIPE_SECRET_KEY');
    assert.ok(!leaks(plan.title, key));
  });

  it('keeps the rest of a string around the secret as a template', () => {
    const key = fake.githubToken();
    const { code, env } = move(`fetch(url, { headers: { Authorization: 'token ${key}', 'X-Note': "it's \`odd\` \${x}" } });`);
    assert.equal(code, `fetch(url, { headers: { Authorization: \`token \${process.env.GITHUB_TOKEN}\`, 'X-Note': "it's \`odd\` \${x}" } });`);
    assert.equal(env.GITHUB_TOKEN, key);
    const escaped = move(`const h = 'a \\\` b \\\\ \${ c ${fake.stripe()} d';`);
    assert.equal(escaped.code, 'const h = `a \\` b \\\\ \\${ c ${process.env.STRIPE_SECRET_KEY} d`;');
    assert.equal(syntaxErrors('/proj/src/app.ts', escaped.code), 0);
    const inTemplate = move(`const h = \`Bearer ${fake.openaiProjectKey()} for \${user}\`;`);
    assert.equal(inTemplate.code, 'const h = `Bearer ${process.env.OPENAI_API_KEY} for ${user}`;');
  });

  it('moves a whole database URL, wraps JSX attribute values in braces, and keeps TSX valid', () => {
    const password = fake.urlPassword();
    const db = move(`const pool = new Pool({ connectionString: "postgres://app:${password}@db.internal/app" });`);
    assert.equal(db.code, 'const pool = new Pool({ connectionString: process.env.DATABASE_URL });');
    assert.equal(db.env.DATABASE_URL, `postgres://app:${password}@db.internal/app`);
    const jsx = move(`export const Map = () => <GoogleMap apiKey="${fake.googleApiKey()}" zoom={3} />;`, '/proj/src/Map.tsx');
    assert.equal(jsx.code, 'export const Map = () => <GoogleMap apiKey={process.env.GOOGLE_API_KEY} zoom={3} />;');
    assert.equal(syntaxErrors('/proj/src/Map.tsx', jsx.code), 0);
  });

  it('moves a private key written with \\n escapes, and .env reads it back with its line breaks', () => {
    const pem = freshPrivateKeyPem();
    const { code, env, plan } = move(`const key = "${pem.replace(/\n/g, '\\n')}";`);
    assert.equal(code, 'const key = process.env.PRIVATE_KEY;');
    assert.equal(env.PRIVATE_KEY, pem);
    assert.match(plan.envText ?? '', /^PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n/);
  });

  it('uses os.environ["NAME"] in Python and adds import os after the docstring and __future__ imports', () => {
    const key = fake.anthropicKey();
    const text = `#!/usr/bin/env python3\n"""Client."""\nfrom __future__ import annotations\nimport sys\n\nclient = Anthropic(api_key="${key}")\n`;
    const { code, env } = move(text, '/proj/bot.py');
    assert.equal(code, `#!/usr/bin/env python3\n"""Client."""\nfrom __future__ import annotations\nimport os\nimport sys\n\nclient = Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])\n`);
    assert.equal(env.ANTHROPIC_API_KEY, key);
    const already = move(`import os, sys\nheaders = {"Authorization": "Bearer ${fake.openaiLegacyKey()}"}\n`, '/proj/bot.py');
    assert.equal(already.code, 'import os, sys\nheaders = {"Authorization": ("Bearer " + os.environ["OPENAI_API_KEY"])}\n');
    for (const header of ['import os.path\n', 'import sys, os  # both\n']) assert.equal(move(`${header}K = "${fake.stripe()}"\n`, '/proj/k.py').plan.edits.length, 1, header);
    assert.equal(move(`import os as o\nK = "${fake.stripe()}"\n`, '/proj/k.py').plan.edits.length, 2);
  });

  it('avoids name clashes in .env and reuses an entry that already holds the same value', () => {
    const key = fake.stripe();
    const text = `const k = "${key}";`;
    const clash = move(text, '/proj/src/app.ts', 'STRIPE_SECRET_KEY=sk_live_other\nSTRIPE_SECRET_KEY_2=also_other', '.env\n');
    assert.equal(clash.plan.envName, 'STRIPE_SECRET_KEY_3');
    assert.equal(clash.code, 'const k = process.env.STRIPE_SECRET_KEY_3;');
    assert.equal(clash.plan.envText, `STRIPE_SECRET_KEY=sk_live_other\nSTRIPE_SECRET_KEY_2=also_other\nSTRIPE_SECRET_KEY_3=${key}\n`);
    assert.equal(clash.plan.gitignoreText, null);
    const same = move(text, '/proj/src/app.ts', `STRIPE_SECRET_KEY=${key}\n`, null);
    assert.deepEqual([same.plan.envName, same.plan.envText], ['STRIPE_SECRET_KEY', null]);
  });

  it('adds .env to .gitignore unless a rule already ignores it (the last matching rule wins)', () => {
    const text = `const k = "${fake.githubToken()}";`;
    const gitignore = (before: string | null): string | null => move(text, '/proj/src/app.ts', null, before).plan.gitignoreText;
    for (const ignored of ['.env\n', '/.env\n', 'node_modules\n.env*\n', '*.env', '**/.env\n', '.env   \n']) assert.equal(gitignore(ignored), null, ignored);
    assert.equal(gitignore('node_modules'), 'node_modules\n.env\n');
    assert.equal(gitignore('.env*\n!.env\n'), '.env*\n!.env\n.env\n');
    assert.equal(gitignore('config/.env\n.env/\n# .env\n'), 'config/.env\n.env/\n# .env\n.env\n');
  });

  it('quotes values so dotenv reads them back unchanged, and refuses the few no quoting can carry', () => {
    const values = ['plain-Value_1.2:3@4+5=6', 'p4ss#w0rd with space', "it's $HOME", 'a "quoted" value', 'line\nbreak', "both ' and\nbreak", 'tab\there'];
    for (const value of values) {
      const written = dotenvValue(value);
      assert.ok(written !== null, value);
      assert.equal(parseDotenv(`K=${written}`).entries[0]?.value, value, value);
    }
    assert.equal(dotenvValue('quote \' and "double" and\nbreak'), null);
    const tricky = `const password = "it's \\"quoted\\"\\n${fake.password(12)}";`;
    const base = secretsIn(`const password = "${fake.password(12)}";`)[0] as AnalyzerFinding;
    const finding = { ...base, data: { start: tricky.indexOf('"') + 1, end: tricky.lastIndexOf('"'), envName: 'PASSWORD', moveWhole: true } };
    assert.match(refused({ text: tricky, finding }), /quotes, backslashes and line breaks/);
  });

  it('leaves code that still parses and no longer holds the secret', () => {
    const text = `export const config = {\n  github: "${fake.githubToken()}",\n  slack: '${fake.slackWebhook()}',\n};\n`;
    let code = text;
    for (;;) {
      const finding = secretsIn(code)[0];
      if (!finding) break;
      const result = planMoveToEnv({ path: '/proj/src/config.ts', text: code, finding, envText: null, gitignoreText: null });
      assert.ok(result.ok);
      code = applyEdits(code, result.plan.edits);
    }
    assert.equal(code, 'export const config = {\n  github: process.env.GITHUB_TOKEN,\n  slack: process.env.SLACK_WEBHOOK_URL,\n};\n');
    assert.equal(syntaxErrors('/proj/src/config.ts', code), 0);
  });
});
