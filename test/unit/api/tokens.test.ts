import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bearerToken, hashToken, matchesHash, newToken, tokenIdOf } from '../../../language-server/api/tokens/tokenFormat';
import { listTokens } from '../../../language-server/api/tokens/tokenRepo';
import { TokenService } from '../../../language-server/api/tokens/tokenService';
import { Store } from '../../../language-server/store/store';

describe('api: tokens', () => {
  describe('hostile input', () => {
    it('refuses a missing, foreign or garbled Authorization header before any lookup', async () => {
      const tokens = new TokenService({ store: async () => null });
      for (const [header, failure] of [
        [undefined, 'missing'],
        ['', 'malformed'],
        ['Basic dXNlcjpwYXNz', 'malformed'],
        ['Bearer', 'malformed'],
        ['Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'malformed'],
        ['Bearer opt_../../etc/passwd', 'malformed'],
        [`Bearer opt_${'a'.repeat(12)}_${'b'.repeat(42)}`, 'malformed'],
        [`Bearer opt_${'a'.repeat(12)}_${'b'.repeat(43)} trailing`, 'malformed'],
      ] as const) {
        const result = await tokens.authenticate(header);
        assert.equal(result.ok, false, String(header));
        assert.equal(!result.ok && result.failure, failure, String(header));
      }
    });

    it('compares hashes in constant time and never matches a damaged stored hash', () => {
      const { token, hash } = newToken();
      assert.equal(matchesHash(token, hash), true);
      assert.equal(matchesHash(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, hash), false);
      for (const damaged of ['', 'zz', hash.slice(0, 63), hash.toUpperCase(), `${hash}00`]) assert.equal(matchesHash(token, damaged), false, damaged);
    });

    it('parses only `Bearer <token>`, any case, one token', () => {
      assert.equal(bearerToken('Bearer abc'), 'abc');
      assert.equal(bearerToken('bearer   abc  '), 'abc');
      assert.equal(bearerToken('Bearer a b'), null);
      assert.equal(bearerToken('Token abc'), null);
    });
  });

  it('makes opt_<12 hex>_<43 base64url> tokens whose id is readable and whose hash is SHA-256', () => {
    const { token, id, hash } = newToken();
    assert.match(token, /^opt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(tokenIdOf(token), id);
    assert.equal(hash, hashToken(token));
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.notEqual(newToken().token, token);
  });

  describe('with a store file', () => {
    let dir = '';
    let store: Store;
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const service = (cacheMs = 1000) => new TokenService({ store: async () => store, now: () => clock, cacheMs });
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'optimus-tokens-'));
      store = (await Store.open(path.join(dir, 'optimus.sqlite'))).store;
      clock = Date.parse('2026-01-01T00:00:00Z');
    });
    afterEach(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('keeps the hash, never the token, and authenticates the holder with its scope', async () => {
      const tokens = service();
      const made = await tokens.create({ scope: 'write', name: 'ci' });
      assert.deepEqual(await tokens.authenticate(`Bearer ${made.token}`), { ok: true, id: made.id, scope: 'write' });
      const bytes = await readFile(store.file);
      assert.equal(bytes.includes(made.token), false, 'the token is not in the file');
      assert.equal(bytes.includes(made.token.split('_')[2] as string), false, 'nor its secret part');
      const [row] = await listTokens(store);
      assert.equal(row?.hash, hashToken(made.token));
    });

    it('refuses a token whose secret is wrong, with the same answer as one never issued', async () => {
      const tokens = service();
      const made = await tokens.create({ scope: 'read' });
      const forged = `opt_${made.id}_${'A'.repeat(43)}`;
      const unknown = `opt_${'0'.repeat(12)}_${'A'.repeat(43)}`;
      const [a, b] = [await tokens.authenticate(`Bearer ${forged}`), await tokens.authenticate(`Bearer ${unknown}`)];
      assert.deepEqual(a, b);
      assert.equal(!a.ok && a.failure, 'invalid');
    });

    it('refuses an expired token with a message that says when and what to do', async () => {
      const tokens = service();
      const made = await tokens.create({ scope: 'read', expiresAt: new Date(clock + 60_000) });
      assert.equal((await tokens.authenticate(`Bearer ${made.token}`)).ok, true);
      clock += 60_000;
      const result = await tokens.authenticate(`Bearer ${made.token}`);
      assert.equal(!result.ok && result.failure, 'expired');
      assert.match(!result.ok ? result.message : '', /expired at 2026-01-01T00:01:00\.000Z.*optimus token create/);
      assert.equal((await tokens.list())[0]?.state, 'expired');
    });

    it('refuses a revoked token at once here, and in another process once its copy is older than cacheMs', async () => {
      const here = service();
      const other = service(1000);
      const made = await here.create({ scope: 'read' });
      assert.equal((await other.authenticate(`Bearer ${made.token}`)).ok, true, 'a token made elsewhere is found at once');
      assert.equal(await here.revoke(made.id), true);
      assert.equal(await here.revoke(made.id), false, 'revoking twice revokes nothing');
      const now = await here.authenticate(`Bearer ${made.token}`);
      assert.equal(!now.ok && now.failure, 'revoked');
      assert.equal((await other.authenticate(`Bearer ${made.token}`)).ok, true, 'within cacheMs the other copy still holds it');
      clock += 1500;
      const later = await other.authenticate(`Bearer ${made.token}`);
      assert.equal(!later.ok && later.failure, 'revoked');
    });

    it('writes last-used times in one flush, not on every request', async () => {
      const tokens = service();
      const made = await tokens.create({ scope: 'read' });
      for (let i = 0; i < 5; i++) await tokens.authenticate(`Bearer ${made.token}`);
      assert.equal((await listTokens(store))[0]?.lastUsedAt, null);
      await tokens.flush();
      assert.equal((await listTokens(store))[0]?.lastUsedAt, new Date(clock).toISOString());
      assert.deepEqual((await tokens.list()).map((t) => Object.keys(t).sort()), [['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'scope', 'state']], 'no hash in the list');
    });

    it('says the store is unavailable rather than refusing a valid token as invalid', async () => {
      const tokens = new TokenService({ store: async () => null });
      const result = await tokens.authenticate(`Bearer opt_${'a'.repeat(12)}_${'b'.repeat(43)}`);
      assert.equal(!result.ok && result.failure, 'unavailable');
      await assert.rejects(tokens.create({ scope: 'read' }), /could not be opened/);
    });
  });
});
