import type { Store } from '../../store/store';
import { bearerToken, matchesHash, newToken, tokenIdOf, type TokenScope } from './tokenFormat';
import { insertToken, listTokens, revokeToken, touchTokens, type TokenRow } from './tokenRepo';

/** What `token list` and the extension show of a token: never its hash, never the token. */
export interface TokenInfo {
  id: string;
  scope: TokenScope;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

export interface CreatedToken {
  /** The only time the token is ever shown. */
  token: string;
  id: string;
  scope: TokenScope;
  expiresAt: string | null;
}

export type AuthFailure = 'missing' | 'malformed' | 'invalid' | 'revoked' | 'expired' | 'unavailable';

export type AuthResult = { ok: true; id: string; scope: TokenScope } | { ok: false; failure: AuthFailure; message: string };

export interface TokenServiceOptions {
  store: () => Promise<Store | null>;
  now?: () => number;
  /** How long one read of the table answers lookups of known ids: a revocation by another process takes effect within this. */
  cacheMs?: number;
  /** How often last-used times are written (one write for all tokens), and on dispose. */
  flushMs?: number;
}

const DEFAULT_CACHE_MS = 1000;
const DEFAULT_FLUSH_MS = 60_000;
const MAX_NAME_CHARS = 100;

/**
 * Tokens of the local REST API, kept hashed in the Optimus store (shared by the CLI, every language server and
 * `optimus serve`). Lookups are answered from a copy of the table read at most `cacheMs` ago; an older copy,
 * or an id not in it (a token another process just created), waits for a read that starts after the request came.
 */
export class TokenService {
  private rows = new Map<string, TokenRow>();
  private loadedAt = -Infinity;
  private loadsStarted = 0;
  private loading: { n: number; done: Promise<void> } | null = null;
  private nextLoad: Promise<void> | null = null;
  private used = new Map<string, string>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: TokenServiceOptions) {}

  async create(request: { scope: TokenScope; name?: string; expiresAt?: Date | null }): Promise<CreatedToken> {
    const store = await this.writableStore();
    const { token, id, hash } = newToken();
    const row: TokenRow = {
      id, hash, scope: request.scope, name: (request.name ?? '').slice(0, MAX_NAME_CHARS), createdAt: this.iso(),
      lastUsedAt: null, expiresAt: request.expiresAt ? request.expiresAt.toISOString() : null, revokedAt: null,
    };
    await insertToken(store, row);
    this.rows.set(id, row);
    return { token, id, scope: row.scope, expiresAt: row.expiresAt };
  }

  async list(): Promise<TokenInfo[]> {
    const store = await this.options.store();
    if (!store) return [];
    const now = this.now();
    return (await listTokens(store)).map(({ hash: _hash, ...row }) => ({ ...row, state: stateOf(row, now) }));
  }

  /** False when no live token has that id. Takes effect at once in this process, within `cacheMs` in others. */
  async revoke(id: string): Promise<boolean> {
    const store = await this.writableStore();
    const revoked = await revokeToken(store, id, new Date(this.now()));
    const row = this.rows.get(id);
    if (revoked && row) this.rows.set(id, { ...row, revokedAt: this.iso() });
    return revoked;
  }

  /** The caller behind an `Authorization` header, or why it is refused; the message is safe to send back. */
  async authenticate(header: string | undefined): Promise<AuthResult> {
    const token = bearerToken(header);
    if (token === null) return fail(header === undefined ? 'missing' : 'malformed');
    const id = tokenIdOf(token);
    if (id === null) return fail('malformed');
    const row = await this.lookup(id);
    if (row === 'unavailable') return fail('unavailable');
    // The hash is checked before anything else about the row, so only the holder of a token learns its state.
    if (!row || !matchesHash(token, row.hash)) return fail('invalid');
    if (row.revokedAt !== null) return fail('revoked');
    if (row.expiresAt !== null && !(Date.parse(row.expiresAt) > this.now())) return { ok: false, failure: 'expired', message: `This token expired at ${row.expiresAt}; create a new one (\`optimus token create\`).` };
    this.markUsed(id);
    return { ok: true, id, scope: row.scope };
  }

  /** Writes the last-used times gathered since the last flush. */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.used.size === 0) return;
    const used = this.used;
    this.used = new Map();
    const store = await this.options.store();
    // Last-used is a convenience: a read-only or missing store must not fail a request or a shutdown.
    if (store && !store.readOnlyReason) await touchTokens(store, used).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.flush();
  }

  private async lookup(id: string): Promise<TokenRow | undefined | 'unavailable'> {
    const known = this.rows.get(id);
    if (known && this.now() - this.loadedAt < (this.options.cacheMs ?? DEFAULT_CACHE_MS)) return known;
    // A copy too old to trust, or an id it does not hold (a token another process just made): read again.
    // Concurrent requests share one read, so this is one store read a second at most under steady load.
    if (await this.loadAfter(this.loadsStarted)) return this.rows.get(id);
    return known ?? 'unavailable';
  }

  /** Resolves once a read of the table that started after load number `seen` is done; false without a store. */
  private async loadAfter(seen: number): Promise<boolean> {
    if (this.loading && this.loading.n > seen) return this.waitFor(this.loading.done);
    if (!this.loading) return this.waitFor(this.startLoad().done);
    this.nextLoad ??= this.loading.done.catch(() => undefined).then(() => {
      this.nextLoad = null;
      return this.startLoad().done;
    });
    return this.waitFor(this.nextLoad);
  }

  private startLoad(): { n: number; done: Promise<void> } {
    const n = ++this.loadsStarted;
    const done = (async () => {
      try {
        const store = await this.options.store();
        if (!store) throw new Error('no store');
        const rows = await listTokens(store);
        this.rows = new Map(rows.map((r) => [r.id, r]));
        this.loadedAt = this.now();
      } finally {
        if (this.loading?.n === n) this.loading = null;
      }
    })();
    this.loading = { n, done };
    return this.loading;
  }

  private async waitFor(load: Promise<void>): Promise<boolean> {
    try {
      await load;
      return true;
    } catch {
      return false;
    }
  }

  private markUsed(id: string): void {
    this.used.set(id, this.iso());
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => void this.flush(), this.options.flushMs ?? DEFAULT_FLUSH_MS);
    this.flushTimer.unref();
  }

  private async writableStore(): Promise<Store> {
    const store = await this.options.store();
    if (!store) throw new Error('The Optimus database could not be opened, so API tokens cannot be kept.');
    if (store.inMemory) throw new Error('API tokens need the Optimus database on disk (not --db :memory:): other processes must be able to read them.');
    if (store.readOnlyReason) throw new Error(store.readOnlyReason);
    return store;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

const MESSAGES: Record<Exclude<AuthFailure, 'expired'>, string> = {
  missing: 'This API needs a token: send `Authorization: Bearer <token>` (create one with `optimus token create --scope read`).',
  malformed: 'The Authorization header is not `Bearer <token>` with an Optimus token (opt_...).',
  invalid: 'The token is not valid: it was never issued here, or it was mistyped.',
  revoked: 'This token was revoked; create a new one (`optimus token create`).',
  unavailable: 'Tokens cannot be checked: the Optimus database could not be read.',
};

function fail(failure: Exclude<AuthFailure, 'expired'>): AuthResult {
  return { ok: false, failure, message: MESSAGES[failure] };
}

function stateOf(row: Omit<TokenRow, 'hash'>, now: number): TokenInfo['state'] {
  if (row.revokedAt !== null) return 'revoked';
  if (row.expiresAt !== null && !(Date.parse(row.expiresAt) > now)) return 'expired';
  return 'active';
}
