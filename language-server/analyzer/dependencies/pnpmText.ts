/**
 * One pass over pnpm-lock.yaml before the YAML parse. Most of a big lockfile is per-package detail never read
 * here (integrity hashes, engines, peer metadata); those lines are blanked, so the parse has far less to build and
 * its error positions still match the file. The same pass notes each package key's line, for findings to point
 * at, and keys written twice.
 */
import { lines } from '../../scanner/locks/lock-reader';

/** Per-package fields that are neither name, version, dev flag nor dependency edges. */
const DETAIL = [
  'resolution', 'engines', 'cpu', 'os', 'libc', 'hasBin', 'deprecated', 'peerDependencies', 'peerDependenciesMeta',
  'transitivePeerDependencies', 'bundledDependencies', 'requiresBuild', 'prepare', 'patched', 'funding',
];
/** The edges too, when the lockfile's own dev flags make the graph walk unnecessary (v5, v6). */
const DETAIL_AND_EDGES = [...DETAIL, 'dependencies', 'optionalDependencies'];
const PACKAGE_SECTIONS = new Set(['packages', 'snapshots']);

export interface PnpmText {
  /** The text with noise lines emptied, line for line. */
  slim: string;
  /** Unquoted package key → 1-based line, from `packages:` (where v9 has one key per name@version). */
  keyLines: Map<string, number>;
  /** Keys listed twice in one section. */
  duplicates: string[];
}

export function slimPnpmText(text: string, keepEdges: boolean): PnpmText {
  const noise = new Set(keepEdges ? DETAIL : DETAIL_AND_EDGES);
  const out: string[] = [];
  const keyLines = new Map<string, number>();
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let section = '';
  let dropping = false;
  for (const line of lines(text)) {
    const indent = line.length - line.trimStart().length;
    const key = /^\s*('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"].*?):(?:\s|$)/.exec(line)?.[1];
    if (indent === 0 && key !== undefined) section = key;
    if (indent <= 4 && line.trim() !== '') dropping = indent === 4 && PACKAGE_SECTIONS.has(section) && key !== undefined && noise.has(key);
    if (indent === 2 && key !== undefined && PACKAGE_SECTIONS.has(section)) {
      const name = unquoteYaml(key);
      if (seen.has(`${section}\0${name}`)) duplicates.push(name);
      seen.add(`${section}\0${name}`);
      if (section === 'packages' || !keyLines.has(name)) keyLines.set(name, out.length + 1);
    }
    out.push(dropping ? '' : line);
  }
  return { slim: out.join('\n'), keyLines, duplicates };
}

/** Keys as pnpm writes them: bare, 'single-quoted' ('' is a quote) or "double-quoted". */
export function unquoteYaml(key: string): string {
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  if (key.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(key);
      if (typeof value === 'string') return value;
    } catch {
      // Not JSON-compatible escapes: the key as written is still a usable label.
    }
  }
  return key;
}
