/**
 * How pnpm names installed packages, which changed with the lockfile version:
 *   v5 (pnpm 7 and older)  /name/1.2.3, peers as /name/1.2.3_react@18.2.0
 *   v6 (pnpm 8)            /name@1.2.3, peers as /name@1.2.3(react@18.2.0)
 *   v9 (pnpm 9+)           name@1.2.3,  peers as name@1.2.3(react@18.2.0)
 * and how a dependency's reference (`1.2.3`, an alias's `/real@1.2.3`, `link:../x`) turns into such a key.
 */
export type PnpmFormat = 'v5' | 'v6' | 'v9';

export function pnpmFormat(lockfileVersion: unknown): PnpmFormat | undefined {
  const version = typeof lockfileVersion === 'string' ? Number.parseFloat(lockfileVersion) : Number.NaN;
  if (!Number.isFinite(version) || version <= 0) return undefined;
  return version < 6 ? 'v5' : version < 9 ? 'v6' : 'v9';
}

export function parsePnpmKey(key: string, format: PnpmFormat): { name: string; version: string } | undefined {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  if (format === 'v5') {
    // v5 peer suffixes write a scope's slash as '+', so the last slash separates name from version.
    const cut = bare.lastIndexOf('/');
    return cut > 0 ? { name: bare.slice(0, cut), version: bare.slice(cut + 1).replace(/_.*$/, '') } : undefined;
  }
  const plain = withoutPeers(bare);
  const at = plain.indexOf('@', 1);
  return at > 0 ? { name: plain.slice(0, at), version: plain.slice(at + 1) } : undefined;
}

/** v9 keeps one `packages` key per name@version and puts the peer variants under `snapshots`. */
export function withoutPeers(key: string): string {
  const open = key.indexOf('(');
  return open < 0 ? key : key.slice(0, open);
}

/** The package key a dependency reference points at; undefined for workspace links (the project's own code). */
export function refKey(name: string, ref: string, format: PnpmFormat): string | undefined {
  if (ref.startsWith('link:')) return undefined;
  if (format === 'v9') return withoutPeers(ref).indexOf('@', 1) > 0 ? ref : `${name}@${ref}`;
  // An alias (`/real@1.0.0`, v5 `/real/1.0.0`) or a non-registry package is written as the full key.
  if (withoutPeers(ref).includes('/')) return ref;
  return format === 'v6' ? `/${name}@${ref}` : `/${name}/${ref}`;
}
