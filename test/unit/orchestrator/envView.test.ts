import assert from 'node:assert/strict';
import path from 'node:path';
import { envForStart } from '../../../language-server/orchestrator/env/envForStart';
import { envView } from '../../../language-server/orchestrator/env/envView';
import { maskSecret } from '../../../language-server/store/auditLog';
import { useTrees } from './helpers';

/** Distinctive enough that finding it anywhere means a real value leaked. */
const SECRET = 'sk_live_Zq8VbT3nXw9LmP2rKd7F';

describe('env: masked view and values for a start', () => {
  const tree = useTrees();

  describe('bad input first', () => {
    it('reports a binary .env, a huge .env and a .env that is a folder, naming each file, and shows the rest', async () => {
      const dir = await tree({
        '.env': Buffer.concat([Buffer.from('A=1\n'), Buffer.from([0, 1, 2])]),
        '.env.local': `BIG=${'x'.repeat(1024 * 1024)}\n`,
        '.env.development': { folder: true },
        '.env.development.local': 'OK=yes\n',
      });
      const view = await envView(dir);
      assert.deepEqual(view.findings.map((f) => [f.code, path.basename(f.file ?? '')]), [
        ['env/malformed', '.env'], ['env/too-large', '.env.local'], ['env/unreadable', '.env.development'],
      ]);
      assert.match(view.findings[0]?.message ?? '', /^\.env contains binary data .* not a readable \.env file$/);
      assert.match(view.findings[1]?.message ?? '', /over the 1 MB limit for a \.env file/);
      assert.deepEqual(view.files.map((f) => [f.name, f.keys.map((k) => k.key)]), [['.env', []], ['.env.local', []], ['.env.development', []], ['.env.development.local', ['OK']]]);
    });

    it('reports invalid lines with file and line number, never their text', async () => {
      const dir = await tree({ '.env': `A=1\n${SECRET}\nB="open\n` });
      const view = await envView(dir);
      assert.deepEqual(view.findings.map((f) => [f.code, f.line, f.message]), [
        ['env/invalid-line', 2, '.env: line 2 is not KEY=value, so it was ignored'],
        ['env/unclosed-quote', 3, '.env: line 3: the value of B opens a double quote that is never closed, so it was ignored'],
      ]);
      assert.ok(!JSON.stringify(view).includes(SECRET));
    });

    it('falls back when asked for a profile that cannot be one, and loads nothing for a start with it', async () => {
      const dir = await tree({ '.env': 'A=1\n' });
      const view = await envView(dir, { profile: '../../etc' });
      assert.equal(view.profile, 'development');
      assert.equal(view.findings[0]?.code, 'env/bad-profile');
      const start = await envForStart(dir, '../../etc');
      assert.deepEqual([start.vars, start.files, start.findings[0]?.code], [{}, [], 'env/bad-profile']);
    });

    it('answers for a folder without .env files and for one that does not exist', async () => {
      const dir = await tree({});
      const usual = ['development', 'production', 'test', 'staging'];
      assert.deepEqual(await envView(dir), { profile: 'development', profiles: usual, profileSource: 'default', files: [], example: null, missing: [], extra: [], findings: [] });
      const gone = await envView(path.join(dir, 'gone'));
      assert.equal(gone.findings[0]?.code, 'env/unreadable');
    });
  });

  it('offers the usual profiles and those the files suggest, not file-name parts', async () => {
    const dir = await tree({ '.env': 'A=1\n', '.env.preview': 'A=2\n', '.env.local': 'A=3\n', '.env.example': 'A=\n' });
    assert.deepEqual((await envView(dir)).profiles, ['development', 'production', 'test', 'staging', 'preview']);
  });

  it('never shows a real value: the whole JSON of the view holds no secret', async () => {
    const dir = await tree({
      '.env': `API_KEY=${SECRET}\nexport DB_URL="postgres://app:${SECRET}@db/app"\nSHORT=abc\nEMPTY=\n`,
      '.env.production': `API_KEY='${SECRET}'\n`,
      '.env.example': `API_KEY=${SECRET}\nDB_URL=\n`,
      '.env.local': `PEM="-----BEGIN-----\n${SECRET}\n-----END-----"\nAPI_KEY=${SECRET}\nAPI_KEY=${SECRET}x\n`,
    });
    const text = JSON.stringify([await envView(dir), await envView(dir, { profile: 'production' })]);
    for (const piece of [SECRET, SECRET.slice(4, 16), 'abc', 'postgres://']) assert.ok(!text.includes(piece), `"${piece}" leaked`);
    const view = await envView(dir);
    const env = view.files.find((f) => f.name === '.env');
    assert.deepEqual(env?.keys, [
      { key: 'API_KEY', value: 'sk_l****', line: 1 }, { key: 'DB_URL', value: 'post****', line: 2 },
      { key: 'SHORT', value: '****', line: 3 }, { key: 'EMPTY', value: '', line: 4 },
    ]);
  });

  it('masks with the project rule: at most 4 characters, fewer for short values, empty stays empty', () => {
    assert.deepEqual(['', 'a', 'abcd', 'abcdefgh', 'abcdefghijkl', 'abcdefghijklmnop', SECRET].map(maskSecret), ['', '****', 'a****', 'ab****', 'abc****', 'abcd****', 'sk_l****']);
  });

  it('lists the profile files in load order, then the example, then the others, with roles', async () => {
    const dir = await tree({
      '.env': 'A=1\n', '.env.local': 'B=1\n', '.env.development': 'C=1\n', '.env.development.local': 'D=1\n',
      '.env.production': 'P=1\n', '.env.test': 'T=1\n', '.env.staging': 'S=1\n', '.env.example': 'A=\nB=\nZ=\n', '.envrc': 'use nix\n',
    });
    const view = await envView(dir);
    assert.deepEqual(view.files.map((f) => [f.name, f.role]), [
      ['.env', 'active'], ['.env.local', 'active'], ['.env.development', 'active'], ['.env.development.local', 'active'],
      ['.env.example', 'example'], ['.env.production', 'inactive'], ['.env.staging', 'inactive'], ['.env.test', 'inactive'],
    ]);
    assert.equal(view.example, path.join(dir, '.env.example'));
    assert.deepEqual([view.missing, view.extra], [['Z'], ['C', 'D']]);
  });

  it('compares another profile with the example: missing keys and extra keys', async () => {
    const dir = await tree({ '.env': 'SHARED=1\n', '.env.local': 'LOCAL=1\n', '.env.test': 'DB=x\nDEBUG=1\n', '.env.sample': 'SHARED=\nDB=\nLOCAL=\nSENTRY_DSN=\n' });
    const view = await envView(dir, { profile: 'test' });
    assert.deepEqual([view.profile, view.profileSource], ['test', 'argument']);
    assert.deepEqual(view.files.filter((f) => f.role === 'active').map((f) => f.name), ['.env', '.env.test']);
    assert.deepEqual([view.missing, view.extra], [['LOCAL', 'SENTRY_DSN'], ['DEBUG']]);
  });

  it('takes the profile from .optimus.json when none is asked for or saved', async () => {
    const dir = await tree({ '.optimus.json': '{ "env": "staging" }', '.env.staging': 'S=1\n' });
    const view = await envView(dir);
    assert.deepEqual([view.profile, view.profileSource, view.files[0]?.role], ['staging', '.optimus.json', 'active']);
  });

  it('gives a start the real values, merged in load order, later files winning', async () => {
    const dir = await tree({
      '.env': `A=from-env\nB=from-env\nC=from-env\nTOKEN=${SECRET}\n`, '.env.local': 'B=from-local\nC=from-local\n',
      '.env.development': 'C=from-development\n', '.env.production': 'A=prod\n', '.env.example': 'A=example\n',
      '.env.development.local': '__proto__=plain\n',
    });
    const start = await envForStart(dir, 'development');
    assert.deepEqual(Object.entries(start.vars), [['A', 'from-env'], ['B', 'from-local'], ['C', 'from-development'], ['TOKEN', SECRET], ['__proto__', 'plain']]);
    assert.equal(Object.getPrototypeOf(start.vars), Object.prototype);
    assert.deepEqual(start.files.map((f) => path.basename(f)), ['.env', '.env.local', '.env.development', '.env.development.local']);
    assert.ok(!JSON.stringify(start.findings).includes(SECRET));
  });
});
