import type { Dependency } from '../../model';
import type { Parsed } from '../ecosystems/parse';

/** The versions one parsed lockfile pins. `member` is the project's folder relative to the lockfile's ('' if the same). */
export interface LockIndex {
  version(dep: Dependency, member: string): string | undefined;
}

/** One lockfile format. `parse` throws a LockfileError saying what is wrong when the text is not that format. */
export interface LockReader {
  /** The lockfile's name in the project folder. */
  readonly file: string;
  /** Kinds of the manifests whose dependencies it pins (Manifest.kind). */
  readonly manifestKinds: readonly string[];
  parse(text: string): LockIndex;
}

export class LockfileError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

/** The parsed value, or a LockfileError naming the file. */
export function must<T>(parsed: Parsed<T>, file: string): T {
  if (parsed.ok) return parsed.value;
  throw new LockfileError(`${file} is ${parsed.message}`, parsed.line);
}

/** Splits text into lines without a regex split, which matters for lockfiles of many MB. */
export function* lines(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
  }
}

/** Numeric-aware comparison of version strings (`1.10.0` > `1.9.3`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split(/[.+-]/);
  const pb = b.replace(/^v/, '').split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Which of several locked versions of one package the manifest's range means (lockfiles that key by name, such
 * as Cargo.lock, can hold two majors): the exact version the range names, else the newest one with the range's
 * leading version part, else the newest.
 */
export function pickVersion(candidates: readonly string[], range: string): string | undefined {
  const unique = [...new Set(candidates)].sort(compareVersions);
  if (unique.length <= 1) return unique[0];
  const exact = range.replace(/^[\s^~=v<>]+/, '');
  if (unique.includes(exact)) return exact;
  const lead = /\d+/.exec(range)?.[0];
  const compatible = lead === undefined ? [] : unique.filter((v) => v.replace(/^v/, '').split('.')[0] === lead);
  return (compatible.length > 0 ? compatible : unique).at(-1);
}

/** name → every version the lockfile holds for it. */
export class VersionsByName {
  private readonly map = new Map<string, string[]>();
  constructor(private readonly normalise: (name: string) => string = (n) => n) {}

  add(name: string, version: string): void {
    const key = this.normalise(name);
    const list = this.map.get(key);
    if (list) list.push(version);
    else this.map.set(key, [version]);
  }

  get size(): number {
    return this.map.size;
  }

  pick(dep: Dependency): string | undefined {
    return pickVersion(this.map.get(this.normalise(dep.name)) ?? [], dep.range);
  }
}
