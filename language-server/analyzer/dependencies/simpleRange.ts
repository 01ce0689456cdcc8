/**
 * Whether a version is in an advisory's vulnerable range, for the range forms advisories use: comparators
 * (`<4.17.21`, `>=1.0.0 <1.2.6`), hyphen ranges (`1.0.0 - 1.2.5`), `*` and `||`. Caret, tilde and x-ranges are
 * not read (advisories do not use them): the answer is then undefined and callers keep every installed version.
 * Prereleases are compared plainly, as npm audit does (`includePrerelease`).
 */
import { compareSemver, parseSemver } from './semver';
import type { SemVer } from './semver';

type Test = (v: SemVer) => boolean;

export function inSimpleRange(version: string, range: string): boolean | undefined {
  const v = parseSemver(version);
  if (!v) return undefined;
  const sets = range.split('||').map(comparatorSet);
  if (sets.some((set) => set === undefined)) return undefined;
  return sets.some((set) => (set as Test[]).every((test) => test(v)));
}

function comparatorSet(text: string): Test[] | undefined {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  const tokens = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : text.trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === '*')) return [() => true];
  const tests = tokens.map(comparator);
  return tests.every((t): t is Test => t !== undefined) ? tests : undefined;
}

function comparator(token: string): Test | undefined {
  const m = /^(<=|>=|<|>|=)?\s*v?(\d+\.\d+\.\d+\S*)$/.exec(token);
  // A partial version (`<=1.2`) means a whole minor in npm's grammar: not read here, so not guessed either.
  const bound = m ? parseSemver(m[2] ?? '') : null;
  if (!m || !bound) return undefined;
  switch (m[1]) {
    case '<': return (v) => compareSemver(v, bound) < 0;
    case '<=': return (v) => compareSemver(v, bound) <= 0;
    case '>': return (v) => compareSemver(v, bound) > 0;
    case '>=': return (v) => compareSemver(v, bound) >= 0;
    default: return (v) => compareSemver(v, bound) === 0;
  }
}
