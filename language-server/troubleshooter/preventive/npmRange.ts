/**
 * npm's range grammar, in full, for "does this version satisfy this range": `engines.node`, package.json
 * ranges against locked versions. simpleRange.ts reads only the comparator forms advisories use; this adds
 * caret, tilde, x-ranges, partial versions and npm's prerelease rule (a prerelease satisfies only a range that
 * names a prerelease of the same major.minor.patch).
 */
import { compareSemver, parseSemver, type SemVer } from '../../analyzer/dependencies/semver';

type Op = '<' | '<=' | '>' | '>=' | '=';
type Comparator = { op: Op; bound: SemVer };

interface Partial {
  major?: number;
  minor?: number;
  patch?: number;
  prerelease: readonly (string | number)[];
}

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** undefined when the version or the range cannot be read (a tag, a URL, `workspace:`): the caller judges nothing. */
export function satisfiesNpmRange(version: string, range: string): boolean | undefined {
  const v = parseSemver(version);
  if (!v) return undefined;
  let unreadable = false;
  for (const text of range.split('||')) {
    const set = comparatorSet(text);
    if (!set) unreadable = true;
    else if (passes(set, v)) return true;
  }
  return unreadable ? undefined : false;
}

function comparatorSet(text: string): Comparator[] | undefined {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (hyphen) return hyphenRange(hyphen[1] as string, hyphen[2] as string);
  const tokens = text.replace(/(<=|>=|<|>|=|~>|~|\^)\s+/g, '$1').trim().split(/\s+/).filter((t) => t !== '');
  const out: Comparator[] = [];
  for (const token of tokens) {
    const desugared = desugar(token);
    if (!desugared) return undefined;
    out.push(...desugared);
  }
  return out;
}

function passes(set: readonly Comparator[], v: SemVer): boolean {
  if (!set.every((c) => holds(c, v))) return false;
  if (v.prerelease.length === 0) return true;
  return set.some((c) => c.bound.prerelease.length > 0 && c.bound.major === v.major && c.bound.minor === v.minor && c.bound.patch === v.patch);
}

function holds(c: Comparator, v: SemVer): boolean {
  const d = compareSemver(v, c.bound);
  switch (c.op) {
    case '<': return d < 0;
    case '<=': return d <= 0;
    case '>': return d > 0;
    case '>=': return d >= 0;
    default: return d === 0;
  }
}

function parsePartial(text: string): Partial | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const num = (s: string | undefined): number | undefined => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  const prerelease = m[4] === undefined || patch === undefined ? [] : m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return { major, minor, patch, prerelease };
}

const ver = (major: number, minor: number, patch: number, prerelease: readonly (string | number)[] = []): SemVer => ({ major, minor, patch, prerelease });
/** The lowest version of a release line: `<2.0.0-0` excludes 2.0.0's prereleases too, as npm writes it. */
const floor = (major: number, minor: number, patch: number): SemVer => ver(major, minor, patch, [0]);

function desugar(token: string): Comparator[] | undefined {
  const m = /^(<=|>=|<|>|=|~>|~|\^)?(.*)$/.exec(token);
  const p = m ? parsePartial(m[2] ?? '') : undefined;
  if (!m || !p) return token === '*' || token === '' ? [] : undefined;
  const op = m[1] ?? '=';
  if (p.major === undefined) return op === '<' || op === '>' ? [{ op: '<', bound: floor(0, 0, 0) }] : [];
  const lower = ver(p.major, p.minor ?? 0, p.patch ?? 0, p.prerelease);
  switch (op) {
    case '~': case '~>': return [{ op: '>=', bound: lower }, { op: '<', bound: p.minor === undefined ? floor(p.major + 1, 0, 0) : floor(p.major, p.minor + 1, 0) }];
    case '^': return [{ op: '>=', bound: lower }, { op: '<', bound: caretCeiling(p) }];
    case '>': return [p.patch !== undefined ? { op: '>', bound: lower } : { op: '>=', bound: nextLine(p) }];
    case '>=': return [{ op: '>=', bound: lower }];
    case '<': return [{ op: '<', bound: p.patch !== undefined ? lower : floor(p.major, p.minor ?? 0, 0) }];
    case '<=': return [p.patch !== undefined ? { op: '<=', bound: lower } : { op: '<', bound: nextLine(p) }];
    default: return p.patch !== undefined ? [{ op: '=', bound: lower }] : [{ op: '>=', bound: lower }, { op: '<', bound: nextLine(p) }];
  }
}

/** The first version past a partial: `1.2` → 1.3.0-0, `1` → 2.0.0-0. */
function nextLine(p: Partial): SemVer {
  const major = p.major ?? 0;
  return p.minor === undefined ? floor(major + 1, 0, 0) : floor(major, p.minor + 1, 0);
}

/** `^1.2.3` < 2, `^0.2.3` < 0.3, `^0.0.3` < 0.0.4, `^0.0` < 0.1, `^0` < 1. */
function caretCeiling(p: Partial): SemVer {
  const major = p.major ?? 0;
  if (major > 0 || p.minor === undefined) return floor(major + 1, 0, 0);
  if (p.minor > 0 || p.patch === undefined) return floor(0, p.minor + 1, 0);
  return floor(0, 0, p.patch + 1);
}

function hyphenRange(from: string, to: string): Comparator[] | undefined {
  const low = parsePartial(from);
  const high = parsePartial(to);
  if (!low || !high) return undefined;
  const out: Comparator[] = low.major === undefined ? [] : [{ op: '>=', bound: ver(low.major, low.minor ?? 0, low.patch ?? 0, low.prerelease) }];
  if (high.major === undefined) return out;
  out.push(high.patch !== undefined ? { op: '<=', bound: ver(high.major, high.minor ?? 0, high.patch, high.prerelease) } : { op: '<', bound: nextLine(high) });
  return out;
}
