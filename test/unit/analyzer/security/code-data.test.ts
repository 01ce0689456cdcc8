import assert from 'node:assert/strict';
import { dangerIn, hits } from './helpers';

function check(lines: string[]): Array<[string, number]> {
  return hits(dangerIn(lines.join('\n'), '/proj/src/repo.ts'));
}

describe('dangerous code: SQL built by string concatenation', () => {
  it('flags SQL built with + or ${} passed to query-like calls, or starting like a statement anywhere', () => {
    assert.deepEqual(check([
      'db.query("SELECT * FROM users WHERE id = " + id);', 'await pool.query(`UPDATE users SET name = \'${name}\' WHERE id = ${id}`);',
      'const sql = `DELETE FROM sessions WHERE token = \'${token}\'`;', "knex.raw('select ' + column + ' from t');", 'prisma.$queryRawUnsafe(`SELECT * FROM t WHERE a = ${a}`);',
      'db.prepare("INSERT INTO logs VALUES (" + msg + ")").run();', 'conn.execute("select * from t where " + where);', 'qb.whereRaw(`name = ${name}`);',
      'const base = "SELECT * FROM t WHERE id = "; db.query(base + id);',
    ]).map(([, line]) => line), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reports a statement once, where it is built, not again where it is run', () => {
    assert.deepEqual(check(['const q = `SELECT * FROM t WHERE id = ${id}`;', 'db.query(q);']), [['security/sql-injection', 1]]);
  });

  it('leaves parameters, tagged sql templates, constant pieces and non-SQL strings alone', () => {
    assert.deepEqual(check([
      'db.query("SELECT * FROM users WHERE id = $1", [id]);', 'sql`SELECT * FROM t WHERE id = ${id}`;', 'Prisma.sql`SELECT ${a}`;',
      "const TABLE = 'users'; db.query(`SELECT * FROM ${TABLE} WHERE id = ?`, [id]);", 'const msg = "Select " + count + " items from the list";',
      'cache.get("user:" + id);', 'const re = /x/; re.exec(a + b);', 'log(`updated ${n} rows`);', 'router.query(`${base}/users`);', 'db.query(sqlText, params);',
    ]), []);
  });
});

describe('dangerous code: weak hashes for passwords', () => {
  it('flags MD5/SHA-1 next to password-ish names: argument, destination, or enclosing function', () => {
    assert.deepEqual(check([
      "const hashed = crypto.createHash('md5').update(password).digest('hex');", "user.passwordDigest = createHash('sha1').update(input).digest('hex');",
      "function hashPassword(p) { return crypto.createHash('SHA1').update(p).digest('hex'); }", 'const pw = md5(req.body.password);',
      'const stored = CryptoJS.MD5(userPassword).toString();',
    ]).map(([, line]) => line), [1, 2, 3, 4, 5]);
  });

  it('leaves checksums and strong algorithms alone, even near passwords', () => {
    assert.deepEqual(check([
      "const etag = crypto.createHash('md5').update(body).digest('hex');", "const id = createHash('sha1').update(file).digest('hex');",
      "const hashed = crypto.createHash('sha256').update(password).digest('hex');", 'const hash = await bcrypt.hash(password, 12);',
    ]), []);
  });
});

describe('dangerous code: Math.random for secrets', () => {
  it('flags Math.random flowing into tokens, ids, secrets and passwords', () => {
    assert.deepEqual(check([
      'const token = Math.random().toString(36).slice(2);', 'const sessionId = Math.floor(Math.random() * 1e9);', 'user.resetCode = { pin: Math.random() };',
      'const makeId = () => Math.random().toString(16).slice(2);', 'function generatePassword() { return Math.random().toString(36); }', 'const ids = items.map(() => Math.random());',
    ]).map(([, line]) => line), [1, 2, 3, 4, 5, 6]);
  });

  it('reads only the innermost function name: a callback inside sessionHandler is not a session id', () => {
    assert.deepEqual(check([
      'function sessionHandler() { return (s) => { const jitter = Math.random() * 10; }; }',
      'function generateUUID() { const n = Math.floor(Math.random() * 16); return n; }',
    ]), [['security/insecure-random', 2]]);
  });

  it('leaves jitter, shuffles, animations and sampling alone', () => {
    assert.deepEqual(check([
      'const delay = base + Math.random() * 100;', 'const j = Math.floor(Math.random() * (i + 1));', 'if (Math.random() < 0.1) sample(event);',
      'const x = Math.random() * width;', "const color = colors[Math.floor(Math.random() * colors.length)];", '<Item key={Math.random()} />;',
    ]), []);
  });
});

describe('dangerous code: TLS verification disabled', () => {
  it('flags rejectUnauthorized: false, strictSSL: false and NODE_TLS_REJECT_UNAUTHORIZED=0', () => {
    assert.deepEqual(check([
      'https.request({ host, rejectUnauthorized: false });', 'agent.options.rejectUnauthorized = false;', 'request({ url, strictSSL: false });',
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;', "spawn('node', [], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
    ]).map(([rule, line]) => `${rule}:${line}`), [1, 2, 3, 4, 5, 6].map((l) => `security/tls-verification-disabled:${l}`));
  });

  it('leaves verification on, variables and the variable set to 1 alone', () => {
    assert.deepEqual(check([
      'https.request({ rejectUnauthorized: true });', 'tls.connect({ rejectUnauthorized: !insecure });', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
      'const { rejectUnauthorized = true } = opts;', 'if (opts.rejectUnauthorized === false) warn();',
    ]), []);
  });
});
