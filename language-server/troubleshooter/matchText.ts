import { LineIndex } from '../analyzer/security/lineIndex';
import { lineFactor } from './lineWeight';
import type { KnowledgeEntry } from './types';

/** The strongest place one entry's patterns name their cause in a text. */
export interface Hit {
  entry: KnowledgeEntry;
  /** Pattern weight × the factor of the line it matched on. */
  score: number;
  /** 0-based. */
  line: number;
  captures: Record<string, string>;
}

/** Past this many matches of one pattern the text is a log repeating itself: the first ones decide. */
const MAX_MATCHES_PER_PATTERN = 64;

/**
 * Runs every pattern once over the whole text (one scan per pattern is far cheaper on a long log than every
 * pattern on every line) and keeps, per entry, its best hit: the highest score, then the earliest line.
 */
export function findHits(text: string, entries: readonly KnowledgeEntry[]): Hit[] {
  const lines = new LineTexts(text);
  const hits: Hit[] = [];
  for (const entry of entries) {
    const best = bestHit(text, entry, lines);
    if (best) hits.push(best);
  }
  return hits;
}

function bestHit(text: string, entry: KnowledgeEntry, lines: LineTexts): Hit | null {
  let best: Hit | null = null;
  for (const pattern of entry.patterns) {
    if (pattern.requires && !pattern.requires.test(text)) continue;
    pattern.regex.lastIndex = 0;
    for (let n = 0; n < MAX_MATCHES_PER_PATTERN; n++) {
      const match = pattern.regex.exec(text);
      if (!match) break;
      if (match[0] === '') pattern.regex.lastIndex++; // an empty match would loop forever
      const line = lines.lineAt(match.index);
      const lineText = lines.text(line);
      if (entry.excludes.some((x) => x.test(lineText))) continue;
      const score = pattern.weight * lineFactor(lineText);
      best = better(best, { entry, score, line, captures: capturesOf(match) });
    }
  }
  return best;
}

/**
 * The higher score wins, then the earlier line. Facts are not merged across hits: entries choose their fixes
 * by which pattern matched (a renamed Python package's pattern captures other facts than the plain one).
 */
function better(best: Hit | null, hit: Hit): Hit {
  if (!best) return hit;
  return hit.score > best.score || (hit.score === best.score && hit.line < best.line) ? hit : best;
}

function capturesOf(match: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined && value !== '') out[name] = value.slice(0, 300);
  return out;
}

/** The analyzer's line index, plus each line's text (exclusions are tested against the matched line). */
class LineTexts extends LineIndex {
  constructor(private readonly source: string) {
    super(source);
  }

  text(line: number): string {
    const next = this.lineStart(line + 1);
    return this.source.slice(this.lineStart(line) ?? 0, next === undefined ? undefined : next - 1).slice(0, 4096);
  }
}
