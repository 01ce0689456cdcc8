/**
 * One OSV record (https://ossf.github.io/osv-schema/) reduced to what matching npm versions needs. Only
 * `npm` entries are checked for shape: other ecosystems' version schemes are none of this module's business.
 */
import { asRecord, asString, isRecord } from '../../scanner/ecosystems/values';
import { compareSemver, parseSemver } from './semver';
import type { SemVer } from './semver';

export type OsvEvent = { kind: 'introduced' | 'fixed' | 'last_affected'; version: SemVer | 'zero'; text: string };

export interface OsvAffected {
  name: string;
  /** Exact versions listed as affected. */
  versions: ReadonlySet<string>;
  /** Each range's events, sorted by version as the OSV evaluation requires. */
  ranges: readonly (readonly OsvEvent[])[];
}

export interface OsvAdvisory {
  id: string;
  aliases: readonly string[];
  summary: string;
  /** GitHub's word (`HIGH`, `MODERATE`, ...) when the record carries one. */
  severity: string | undefined;
  url: string;
  affected: readonly OsvAffected[];
}

/** `null` advisory: a valid record with nothing to match (withdrawn, or no npm package). */
export type OsvRead = { ok: true; advisory: OsvAdvisory | null } | { ok: false; id: string; reason: string };

/** Throws nothing; a reason names the first problem found. */
export function readOsvRecord(value: unknown): OsvRead {
  if (!isRecord(value)) return { ok: false, id: '?', reason: 'a record is not a JSON object' };
  const id = asString(value.id);
  if (!id) return { ok: false, id: '?', reason: 'a record has no string `id`' };
  if (value.affected !== undefined && !Array.isArray(value.affected)) return { ok: false, id, reason: '`affected` is not an array' };
  if (value.withdrawn !== undefined) return { ok: true, advisory: null };
  const affected: OsvAffected[] = [];
  for (const [i, entry] of (Array.isArray(value.affected) ? value.affected : []).entries()) {
    const read = readAffected(entry);
    if (typeof read === 'string') return { ok: false, id, reason: `affected[${i}]: ${read}` };
    if (read) affected.push(read);
  }
  return { ok: true, advisory: affected.length === 0 ? null : advisory(id, value, affected) };
}

function advisory(id: string, record: Record<string, unknown>, affected: OsvAffected[]): OsvAdvisory {
  const aliases = Array.isArray(record.aliases) ? record.aliases.filter((a): a is string => typeof a === 'string') : [];
  const summary = asString(record.summary)?.trim() || asString(record.details)?.trim().split('\n')[0]?.slice(0, 200) || id;
  const severity = asString(asRecord(record.database_specific)?.severity) ?? (id.startsWith('MAL-') ? 'critical' : undefined);
  return { id, aliases, summary, severity, url: referenceUrl(record.references) ?? `https://osv.dev/vulnerability/${id}`, affected };
}

/** The advisory's own page first, then any web page. */
function referenceUrl(references: unknown): string | undefined {
  const refs = Array.isArray(references) ? references.filter(isRecord) : [];
  const pick = (type: string): string | undefined => asString(refs.find((r) => r.type === type && typeof r.url === 'string')?.url);
  return pick('ADVISORY') ?? pick('WEB');
}

/** An npm entry, null for another ecosystem, or a string saying what is wrong. */
function readAffected(entry: unknown): OsvAffected | null | string {
  if (!isRecord(entry)) return 'not an object';
  const pkg = asRecord(entry.package);
  if (!pkg || pkg.ecosystem !== 'npm') return null;
  const name = asString(pkg.name);
  if (!name) return 'npm package without a name';
  const versions = entry.versions ?? [];
  if (!Array.isArray(versions) || versions.some((v) => typeof v !== 'string')) return '`versions` is not a list of strings';
  const ranges = entry.ranges ?? [];
  if (!Array.isArray(ranges)) return '`ranges` is not an array';
  const read = ranges.map(readRange);
  const problem = read.find((r): r is string => typeof r === 'string');
  if (problem) return problem;
  return { name, versions: new Set(versions as string[]), ranges: read.filter((r): r is OsvEvent[] => Array.isArray(r)) };
}

/** SEMVER ranges, and ECOSYSTEM ranges (npm's ecosystem order is semver); GIT ranges name commits: null. */
function readRange(range: unknown): OsvEvent[] | null | string {
  if (!isRecord(range) || !Array.isArray(range.events)) return 'a range without an `events` array';
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') return null;
  const events: OsvEvent[] = [];
  for (const raw of range.events) {
    const event = readEvent(raw);
    if (typeof event === 'string') return event;
    if (event) events.push(event);
  }
  return events.sort(byVersion);
}

const KINDS = ['introduced', 'fixed', 'last_affected'] as const;

function readEvent(raw: unknown): OsvEvent | null | string {
  if (!isRecord(raw)) return 'an event is not an object';
  const kind = KINDS.find((k) => raw[k] !== undefined);
  if (!kind) return raw.limit !== undefined ? null : 'an event has none of introduced, fixed, last_affected';
  const text = raw[kind];
  if (typeof text !== 'string') return `\`${kind}\` is not a string`;
  if (kind === 'introduced' && text === '0') return { kind, version: 'zero', text };
  const version = parseSemver(text);
  return version ? { kind, version, text } : `\`${kind}\` "${text.slice(0, 40)}" is not a semantic version`;
}

/** "0" first; equal versions keep introduced before the events that close a range. */
function byVersion(a: OsvEvent, b: OsvEvent): number {
  if (a.version === 'zero' || b.version === 'zero') return (a.version === 'zero' ? 0 : 1) - (b.version === 'zero' ? 0 : 1);
  return compareSemver(a.version, b.version) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind);
}
