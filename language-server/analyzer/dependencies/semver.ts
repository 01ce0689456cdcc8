/**
 * Semantic Versioning 2.0.0 parsing and ordering, enough to place an installed npm version against OSV range
 * events. Written here rather than taken from the `semver` package so the engine gains no dependency; ranges
 * (`^1.2`, `>=1 <2`) are not needed: OSV gives single versions as events.
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated identifiers after `-`; empty for a release. Build metadata (`+...`) is dropped: it has no order. */
  prerelease: readonly (string | number)[];
}

// Loose on purpose: lockfiles and advisories carry `v1.2.3`, `=1.2.3` and the odd `1.2`, all meaning one version.
const VERSION = /^[=v\s]*(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]*)?\s*$/;

/** The version, or null when the text is not one (a git URL, a tag, `latest`). */
export function parseSemver(text: string): SemVer | null {
  const m = VERSION.exec(text);
  if (!m) return null;
  const numbers = [m[1], m[2], m[3]].map((part) => Number(part ?? 0));
  if (numbers.some((n) => !Number.isSafeInteger(n))) return null;
  const prerelease = m[4] === undefined ? [] : m[4].split('.').map(identifier);
  return { major: numbers[0] ?? 0, minor: numbers[1] ?? 0, patch: numbers[2] ?? 0, prerelease };
}

/** Numeric identifiers compare as numbers (`rc.10` > `rc.9`), so they are kept as numbers. */
function identifier(part: string): string | number {
  return /^\d+$/.test(part) && Number.isSafeInteger(Number(part)) ? Number(part) : part;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` in semver precedence. */
export function compareSemver(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePrerelease(a.prerelease, b.prerelease);
}

/** A release ranks above all of its prereleases (1.0.0-rc.1 < 1.0.0); otherwise identifiers left to right. */
function comparePrerelease(a: SemVer['prerelease'], b: SemVer['prerelease']): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = compareIdentifier(a[i] as string | number, b[i] as string | number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** Numbers before words; words in ASCII order, as the spec says (not locale order). */
function compareIdentifier(x: string | number, y: string | number): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
