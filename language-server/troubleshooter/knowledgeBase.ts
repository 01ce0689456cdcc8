import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DIAGNOSIS_IDS } from './diagnosisIds';
import { KnowledgeError, parseKnowledgeFile } from './knowledgeFile';
import type { KnowledgeEntry } from './types';

export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  /** User files that could not be used, and why; the built-in entries stand regardless. */
  problems: string[];
}

/** A knowledge file is a page of text; anything bigger is a mistake (or a hostile file) and is not read. */
const MAX_FILE_BYTES = 256 * 1024;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** `knowledge/` beside this code: the source folder under tsx, `dist/knowledge` beside the bundles. */
export function builtinKnowledgeDir(): string {
  return path.join(__dirname, 'knowledge');
}

/**
 * The built-in entries, then the user's (`userDir`, e.g. `$OPTIMUS_HOME/knowledge`): a user file with a new id
 * adds a diagnosis; one with a built-in id adds its patterns, fixes and examples to that entry (its fixes
 * first) and may reword its texts. A broken built-in file is a bug and throws; a broken user file is a problem.
 */
export async function loadKnowledge(options: { userDir?: string; builtinDir?: string } = {}): Promise<KnowledgeBase> {
  const builtin = await readDir(options.builtinDir ?? builtinKnowledgeDir(), true);
  const known = new Set<string>(DIAGNOSIS_IDS);
  for (const e of builtin.entries) if (!known.has(e.id)) throw new KnowledgeError(e.source, `is named after "${e.id}", which is no diagnosis id`);
  if (!options.userDir) return builtin;
  const user = await readDir(options.userDir, false);
  const byId = new Map(builtin.entries.map((e) => [e.id, e]));
  for (const e of user.entries) byId.set(e.id, merge(byId.get(e.id), e));
  return { entries: [...byId.values()], problems: user.problems };
}

async function readDir(dir: string, strict: boolean): Promise<KnowledgeBase> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (strict || error.code !== 'ENOENT') throw new Error(`Cannot read the knowledge folder ${dir}: ${error.message}`);
    return [] as string[];
  });
  const out: KnowledgeBase = { entries: [], problems: [] };
  for (const name of names.filter((n) => n.endsWith('.yaml')).sort()) {
    try {
      out.entries.push(await readEntry(path.join(dir, name)));
    } catch (error) {
      if (strict) throw error;
      out.problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return out;
}

async function readEntry(file: string): Promise<KnowledgeEntry> {
  const id = path.basename(file, '.yaml');
  if (!ID.test(id)) throw new KnowledgeError(file, 'must be named <id>.yaml with a lower-case id of letters, digits and dashes');
  const info = await stat(file);
  if (!info.isFile()) throw new KnowledgeError(file, 'is not a file');
  if (info.size > MAX_FILE_BYTES) throw new KnowledgeError(file, `is over ${MAX_FILE_BYTES / 1024} KB`);
  return parseKnowledgeFile(id, await readFile(file, 'utf8'), file);
}

function merge(base: KnowledgeEntry | undefined, user: KnowledgeEntry): KnowledgeEntry {
  if (!base) return user;
  return {
    ...user,
    patterns: [...base.patterns, ...user.patterns],
    excludes: [...base.excludes, ...user.excludes],
    fixes: [...user.fixes, ...base.fixes],
    examples: [...base.examples, ...user.examples],
    source: `${base.source} + ${user.source}`,
  };
}
