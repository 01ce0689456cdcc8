/** Whether one installed npm version is affected by an OSV entry, following the schema's range evaluation. */
import { compareSemver, parseSemver } from './semver';
import type { SemVer } from './semver';
import type { OsvAffected, OsvEvent } from './osvRecord';

export type OsvVerdict = { affected: false } | { affected: true; fixed: string | undefined };

export function matchVersion(entry: OsvAffected, version: string): OsvVerdict {
  const parsed = parseSemver(version);
  for (const events of entry.ranges) {
    if (parsed && inRange(parsed, events)) return { affected: true, fixed: fixedAfter(parsed, events) };
  }
  return entry.versions.has(version) ? { affected: true, fixed: undefined } : { affected: false };
}

/**
 * Walks the sorted events: an `introduced` at or below the version opens the range, a `fixed` at or below it
 * closes it, a `last_affected` below it closes it. Several introduced/fixed pairs in one range work the same way.
 */
export function inRange(version: SemVer, events: readonly OsvEvent[]): boolean {
  let affected = false;
  for (const event of events) {
    if (event.version === 'zero') affected = event.kind === 'introduced' ? true : affected;
    else if (event.kind === 'introduced') affected = compareSemver(version, event.version) >= 0 ? true : affected;
    else if (event.kind === 'fixed') affected = compareSemver(version, event.version) >= 0 ? false : affected;
    else affected = compareSemver(version, event.version) > 0 ? false : affected;
  }
  return affected;
}

/** The first fixed version above the installed one, for the message. */
function fixedAfter(version: SemVer, events: readonly OsvEvent[]): string | undefined {
  return events.find((e) => e.kind === 'fixed' && e.version !== 'zero' && compareSemver(e.version, version) > 0)?.text;
}
