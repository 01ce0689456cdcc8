/**
 * An offline OSV database indexed by npm package name: lookups per installed package are then a map read, so
 * checking a lockfile of n packages against a database of m records costs O(n + m), not O(n × m).
 */
import path from 'node:path';
import type { OsvFile } from './osvFiles';
import { readOsvFiles } from './osvFiles';
import type { OsvAdvisory, OsvAffected } from './osvRecord';
import { readOsvRecord } from './osvRecord';

export interface OsvEntry {
  advisory: OsvAdvisory;
  affected: OsvAffected;
}

export interface OsvDatabase {
  /** Where it was read from. */
  path: string;
  byName: ReadonlyMap<string, readonly OsvEntry[]>;
  /** Records read (valid ones, of any ecosystem). */
  records: number;
}

export type OsvLoad = { database: OsvDatabase | null; notes: string[] };

/** Never throws: an unusable path or cancellation give a null database and a note; bad records and files are tallied. */
export async function loadOsvDatabase(dbPath: string, signal?: AbortSignal): Promise<OsvLoad> {
  const byName = new Map<string, OsvEntry[]>();
  const skipped = new Tally('OSV record', 'OSV records', 'malformed');
  const badFiles = new Tally('file of the OSV database', 'files of the OSV database', 'unreadable');
  let records = 0;
  try {
    for await (const file of readOsvFiles(dbPath, signal)) records += indexFile(file, byName, skipped, badFiles);
  } catch (error) {
    return { database: null, notes: [`The OSV database ${dbPath} could not be read (${error instanceof Error ? error.message : String(error)}): dependencies were not checked against it.`] };
  }
  if (signal?.aborted) return { database: null, notes: ['The OSV check was cancelled.'] };
  const notes = [badFiles.note(), skipped.note()].filter((n): n is string => n !== undefined);
  if (records === 0) return { database: null, notes: [...notes, `The OSV database ${dbPath} holds no readable OSV record: dependencies were not checked against it.`] };
  // Most likely another ecosystem's export: say so rather than report a clean bill of health.
  if (byName.size === 0) notes.push(`The OSV database ${dbPath} holds ${records} record${records === 1 ? '' : 's'}, none for an npm package.`);
  return { database: { path: dbPath, byName, records }, notes };
}

function indexFile(file: OsvFile, byName: Map<string, OsvEntry[]>, skipped: Tally, badFiles: Tally): number {
  if ('problem' in file) {
    badFiles.add(`${path.basename(file.file)}: ${file.problem}`);
    return 0;
  }
  let valid = 0;
  for (const raw of file.records) {
    const read = readOsvRecord(raw);
    if (!read.ok) {
      skipped.add(`${read.id} in ${path.basename(file.file)}: ${read.reason}`);
      continue;
    }
    valid++;
    for (const affected of read.advisory?.affected ?? []) add(byName, affected.name, { advisory: read.advisory as OsvAdvisory, affected });
  }
  return valid;
}

function add(byName: Map<string, OsvEntry[]>, name: string, entry: OsvEntry): void {
  const list = byName.get(name);
  if (list) list.push(entry);
  else byName.set(name, [entry]);
}

/** One note for many skipped items: a broken export can hold thousands, and a note each would drown the rest. */
class Tally {
  private count = 0;
  private readonly examples: string[] = [];

  constructor(private readonly one: string, private readonly many: string, private readonly problem: string) {}

  add(example: string): void {
    this.count++;
    if (this.examples.length < 3) this.examples.push(example);
  }

  note(): string | undefined {
    if (this.count === 0) return undefined;
    const what = this.count === 1 ? `1 ${this.one} was` : `${this.count} ${this.many} were`;
    return `${what} skipped as ${this.problem}: ${this.examples.join('; ')}${this.count > this.examples.length ? '; …' : ''}.`;
  }
}
