import { join } from 'node:path';
import type { Finding } from '../../model';
import type { DetectContext } from './detector';
import { parseJsonText, parseJsoncText, parseTomlText, parseYamlText } from './parse';
import type { Parsed } from './parse';
import { readTextCapped } from './read';
import { isRecord } from './values';

/** Manifests are a few KB; anything over this is generated or not a manifest at all. */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

type Reading = { text?: string; missing: boolean; finding?: Finding };
type Doc = Record<string, unknown>;

/** `seed` holds documents already parsed elsewhere (by file name); they are used instead of reading again. */
export function createDetectContext(dir: string, entryNames: readonly string[], seed?: ReadonlyMap<string, unknown>): DetectContext {
  return new FolderReader(dir, entryNames, seed);
}

/** Reads and parses each file at most once, so detectors and the workspace reader can share files and findings. */
class FolderReader implements DetectContext {
  readonly names: ReadonlySet<string>;
  readonly findings: Finding[] = [];
  readonly parsed = new Map<string, unknown>();
  private readonly readings = new Map<string, Promise<Reading>>();
  private readonly parses = new Map<string, Promise<Doc | undefined>>();

  constructor(readonly dir: string, entryNames: readonly string[], seed?: ReadonlyMap<string, unknown>) {
    this.names = new Set(entryNames);
    for (const [name, value] of seed ?? []) if (isRecord(value)) this.parsed.set(name, value);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  async text(name: string, optional = false): Promise<string | undefined> {
    const r = await this.read(name);
    if (r.finding && !(optional && r.missing) && !this.findings.includes(r.finding)) this.findings.push(r.finding);
    return r.text;
  }

  json(name: string, optional?: boolean): Promise<Doc | undefined> {
    return this.structured(name, optional, parseJsonText, 'a JSON object');
  }

  jsonc(name: string, optional?: boolean): Promise<Doc | undefined> {
    return this.structured(name, optional, parseJsoncText, 'a JSON object');
  }

  toml(name: string, optional?: boolean): Promise<Doc | undefined> {
    return this.structured(name, optional, parseTomlText, 'a table');
  }

  yaml(name: string, optional?: boolean): Promise<Doc | undefined> {
    return this.structured(name, optional, parseYamlText, 'a mapping');
  }

  malformed(name: string, message: string, line?: number): void {
    this.findings.push({ code: 'manifest/malformed', severity: 'error', message, file: this.path(name), ...(line ? { line } : {}) });
  }

  private read(name: string): Promise<Reading> {
    let reading = this.readings.get(name);
    if (!reading) {
      reading = readTextCapped(this.path(name), name, 'manifest', MAX_MANIFEST_BYTES)
        .then((r) => (r.ok ? { text: r.text, missing: false } : { missing: r.missing, finding: r.finding }));
      this.readings.set(name, reading);
    }
    return reading;
  }

  private structured(name: string, optional: boolean | undefined, parse: (t: string) => Parsed<unknown>, what: string): Promise<Doc | undefined> {
    const known = this.parsed.get(name);
    if (isRecord(known)) return Promise.resolve(known);
    let pending = this.parses.get(name);
    if (!pending) this.parses.set(name, (pending = this.parseOnce(name, optional ?? false, parse, what)));
    return pending;
  }

  private async parseOnce(name: string, optional: boolean, parse: (t: string) => Parsed<unknown>, what: string): Promise<Doc | undefined> {
    const source = await this.text(name, optional);
    if (source === undefined) return undefined;
    const result = parse(source);
    if (!result.ok) return void this.malformed(name, `${name} is ${result.message}`, result.line);
    if (!isRecord(result.value)) return void this.malformed(name, `${name} should hold ${what} at the top level, but holds ${describe(result.value)}`);
    this.parsed.set(name, result.value);
    return result.value;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (the file is empty)';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
