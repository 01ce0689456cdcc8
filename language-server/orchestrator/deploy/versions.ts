/**
 * Picking a base-image version (`python:3.12`, `node:22`, `php:8.3`) from what a project allows: the template's
 * default when the spec allows it (it is the tested, maintained one), else the newest version the spec allows.
 * Reads the range syntaxes of PEP 440, npm, Composer and Bundler closely enough to choose an image tag; images
 * are tagged by major.minor (or major), so patch numbers only matter where they narrow a range.
 */

type Version = readonly [number, number];
/** `lo` inclusive, `hi` exclusive; either may be open. */
interface Range {
  lo?: Version;
  hi?: Version;
}

const CLAUSE = /(>=|<=|~>|~=|==|!=|>|<|=|\^|~)?\s*v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?/g;

export function pickVersion(spec: string | undefined, fallback: string, digits: 1 | 2 = 2): string {
  const wanted = parseVersion(fallback);
  const ranges = (spec ?? '').split(/\|\|?/).map(parseRange).filter((r): r is Range => r !== null).map((r) => (digits === 1 ? byMajor(r) : r));
  const last = ranges[ranges.length - 1];
  if (!wanted || !last || ranges.some((r) => admits(r, wanted))) return fallback;
  const chosen = newest(last, digits);
  return chosen ? format(chosen, digits) : fallback;
}

/** One alternative: its clauses intersected. Null when it has none or allows nothing. */
function parseRange(alternative: string): Range | null {
  const range: Range = {};
  let clauses = 0;
  for (const m of alternative.matchAll(CLAUSE)) {
    const clause = clauseRange(m[1] ?? '=', Number(m[2]), numberOrUndefined(m[3]), m[4] !== undefined && /\d/.test(m[4]));
    if (!clause) continue;
    clauses++;
    if (clause.lo && (!range.lo || compare(clause.lo, range.lo) > 0)) range.lo = clause.lo;
    if (clause.hi && (!range.hi || compare(clause.hi, range.hi) < 0)) range.hi = clause.hi;
  }
  if (clauses === 0 || (range.lo && range.hi && compare(range.lo, range.hi) >= 0)) return null;
  return range;
}

/** `hasPatch`: the clause named a patch number, which makes `~`, `~=` and `~>` pin the minor version. */
function clauseRange(op: string, major: number, minor: number | undefined, hasPatch: boolean): Range | null {
  const at: Version = [major, minor ?? 0];
  const nextMinor: Version = [major, (minor ?? 0) + 1];
  const nextMajor: Version = [major + 1, 0];
  switch (op) {
    case '>=': case '>': return { lo: at };
    case '<': return { hi: at };
    case '<=': return { hi: minor === undefined ? nextMajor : nextMinor };
    case '^': return { lo: at, hi: major > 0 ? nextMajor : nextMinor };
    case '~': return { lo: at, hi: minor === undefined ? nextMajor : nextMinor };
    case '~=': case '~>': return { lo: at, hi: hasPatch ? nextMinor : nextMajor };
    case '!=': return null; // an exclusion narrows by a patch at most: it does not change the image tag
    default: return { lo: at, hi: minor === undefined ? nextMajor : nextMinor };
  }
}

/** For images tagged by major only: a major is allowed when any of its minors is. */
function byMajor(range: Range): Range {
  return {
    ...(range.lo ? { lo: [range.lo[0], 0] as const } : {}),
    ...(range.hi ? { hi: range.hi[1] > 0 ? ([range.hi[0] + 1, 0] as const) : range.hi } : {}),
  };
}

/** The newest version inside the range that can be named, else its lower bound. */
function newest(range: Range, digits: 1 | 2): Version | undefined {
  const below = range.hi && (digits === 1 ? ([range.hi[0] - 1, 0] as const) : range.hi[1] > 0 ? ([range.hi[0], range.hi[1] - 1] as const) : undefined);
  if (below && below[0] >= 0 && (!range.lo || compare(below, range.lo) >= 0)) return below;
  return range.lo;
}

const admits = (r: Range, v: Version): boolean => (!r.lo || compare(v, r.lo) >= 0) && (!r.hi || compare(v, r.hi) < 0);
const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1];
const format = (v: Version, digits: 1 | 2): string => (digits === 1 ? `${v[0]}` : `${v[0]}.${v[1]}`);
const numberOrUndefined = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);

function parseVersion(text: string): Version | undefined {
  const m = /^(\d+)(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}
