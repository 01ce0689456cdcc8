/**
 * The entries of a yarn.lock, classic (v1, yarn's own format) or berry (YAML). Both write the same shape: a header
 * at column 0 listing the descriptors the entry satisfies, fields indented by two (`version "1.2.3"` in v1,
 * `version: 1.2.3` in berry) and dependencies indented by four. One line scanner reads both, in one pass, keeps
 * duplicate entries (a YAML parse would reject or drop them) and knows each entry's line.
 */
import { lines } from '../../scanner/locks/lock-reader';
import type { EntryProblems } from './lockedNode';

export interface YarnEntry {
  /** As written in the header, unquoted: `a@^1.0.0`, `a@npm:^1.0.0`, `x@npm:real@1.0.0`, `app@workspace:.`. */
  descriptors: string[];
  /** 1-based line of the header. */
  line: number;
  /** `version`, `resolution`, `linkType`… (nested sections are not fields). */
  fields: Map<string, string>;
  /** dependencies and optionalDependencies, as [name, range]. */
  dependencies: [string, string][];
}

const EDGE_SECTIONS = new Set(['dependencies', 'optionalDependencies']);

/** A key (quoted or bare), an optional colon (berry), then the value if any (none: a section opens). */
const FIELD = /^("(?:[^"\\]|\\.)*"|[^\s:"]+):?(?:\s+(.*))?$/;

export function readYarnEntries(text: string, problems: EntryProblems): YarnEntry[] {
  const entries: YarnEntry[] = [];
  let entry: YarnEntry | undefined;
  let section: string | undefined;
  let lineNo = 0;
  for (const line of lines(text)) {
    lineNo++;
    const body = line.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const indent = line.length - body.length;
    if (indent === 0) {
      entry = header(body, lineNo, problems);
      if (entry) entries.push(entry);
      section = undefined;
    } else if (entry && indent === 2) {
      section = field(entry, body, lineNo, problems);
    } else if (entry && indent === 4 && section !== undefined && EDGE_SECTIONS.has(section)) {
      const dep = keyValue(body, lineNo, problems);
      if (dep) entry.dependencies.push([dep.key, dep.value ?? '']);
    }
  }
  return entries;
}

function header(body: string, lineNo: number, problems: EntryProblems): YarnEntry | undefined {
  const descriptors = body.endsWith(':') ? descriptorsOf(body.slice(0, -1)) : undefined;
  // Merge-conflict markers and stray text land here; what follows them is skipped up to the next header.
  if (!descriptors) problems.add(`line ${lineNo}: not an entry header`);
  return descriptors ? { descriptors, line: lineNo, fields: new Map(), dependencies: [] } : undefined;
}

/** v1: `"a@^1", "a@^1.2", b@2`; berry: one quoted string `"a@npm:^1, a@npm:^1.2"`. */
function descriptorsOf(headerText: string): string[] | undefined {
  const part = /\s*("(?:[^"\\]|\\.)*"|[^",]+?)\s*(?:,|$)/y;
  const out: string[] = [];
  while (part.lastIndex < headerText.length) {
    const token = part.exec(headerText)?.[1];
    const text = token === undefined ? undefined : unquote(token);
    if (text === undefined) return undefined;
    out.push(...text.split(/,\s*/).filter((d) => d !== ''));
  }
  return out.length > 0 ? out : undefined;
}

/** Returns the section a `key:` line without a value opens. */
function field(entry: YarnEntry, body: string, lineNo: number, problems: EntryProblems): string | undefined {
  const kv = keyValue(body, lineNo, problems);
  if (kv?.value === undefined) return kv?.key;
  entry.fields.set(kv.key, kv.value);
  return undefined;
}

function keyValue(body: string, lineNo: number, problems: EntryProblems): { key: string; value: string | undefined } | undefined {
  const match = FIELD.exec(body);
  const key = match?.[1] === undefined ? undefined : unquote(match[1]);
  const rawValue = match?.[2]?.trim();
  const value = rawValue === undefined || rawValue === '' ? undefined : unquote(rawValue);
  if (key === undefined || (rawValue && value === undefined)) {
    problems.add(`line ${lineNo}: unreadable field (an unterminated or broken quoted string?)`);
    return undefined;
  }
  return { key, value };
}

/** Both formats quote as JSON does; a bare token is taken as written. */
function unquote(token: string): string | undefined {
  if (!token.startsWith('"')) return token;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
