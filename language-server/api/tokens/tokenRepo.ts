import type { Store } from '../../store/store';
import { isScope, type TokenScope } from './tokenFormat';

/** One row of `api_tokens` (migration step 9). Times are ISO 8601 UTC. */
export interface TokenRow {
  id: string;
  hash: string;
  scope: TokenScope;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const COLUMNS = 'id, hash, scope, name, created_at, last_used_at, expires_at, revoked_at';

export function insertToken(store: Store, row: Omit<TokenRow, 'lastUsedAt' | 'revokedAt'>): Promise<void> {
  return store.write((db) => {
    db.run('INSERT INTO api_tokens (id, hash, scope, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [row.id, row.hash, row.scope, row.name, row.createdAt, row.expiresAt]);
  });
}

/** Every token, oldest first; a row another process damaged is left out (it then authenticates nothing). */
export function listTokens(store: Store): Promise<TokenRow[]> {
  return store.read((db) => {
    const rows = db.exec(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`)[0]?.values ?? [];
    return rows.map(toRow).filter((r): r is TokenRow => r !== null);
  });
}

/** False when no live token has that id (unknown, or revoked already). */
export function revokeToken(store: Store, id: string, at: Date = new Date()): Promise<boolean> {
  return store.write((db) => {
    db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at.toISOString(), id]);
    return db.getRowsModified() > 0;
  });
}

/** Records when tokens were last used; one write for all of them, never moving a time backwards. */
export function touchTokens(store: Store, used: ReadonlyMap<string, string>): Promise<void> {
  return store.write((db) => {
    const statement = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)');
    try {
      for (const [id, at] of used) statement.run([at, id, at]);
    } finally {
      statement.free();
    }
  });
}

function toRow([id, hash, scope, name, createdAt, lastUsedAt, expiresAt, revokedAt]: unknown[]): TokenRow | null {
  if (typeof id !== 'string' || typeof hash !== 'string' || !isScope(scope) || typeof createdAt !== 'string') return null;
  return { id, hash, scope, name: typeof name === 'string' ? name : '', createdAt, lastUsedAt: textOrNull(lastUsedAt), expiresAt: textOrNull(expiresAt), revokedAt: textOrNull(revokedAt) };
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
