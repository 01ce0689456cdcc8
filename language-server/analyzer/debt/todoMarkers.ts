export interface TodoMarker {
  /** 1-based. */
  line: number;
  column: number;
  marker: 'TODO' | 'FIXME' | 'HACK' | 'XXX';
}

/** Upper-case only: `todo` and `Todo` are names in code far more often than notes. */
const MARKER = /\b(TODO|FIXME|HACK|XXX)\b/;
/** What opens a comment in the languages Optimus reads, or continues a block comment. */
const COMMENT_BEFORE = /(\/\/|\/\*|#|<!--|--|;)|^\s*\*/;

/**
 * TODO/FIXME/HACK/XXX markers that sit in a comment: something that opens a comment comes before the marker
 * on its line (a block comment's continuation `*` counts). Good enough to find notes; a marker inside a string
 * after `//` in the same string would count, which is rare.
 */
export function todoMarkers(text: string, maxMarkers = 1000): TodoMarker[] {
  const out: TodoMarker[] = [];
  if (!MARKER.test(text)) return out;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < maxMarkers; i++) {
    const line = lines[i] ?? '';
    const m = MARKER.exec(line);
    if (!m || !COMMENT_BEFORE.test(line.slice(0, m.index))) continue;
    out.push({ line: i + 1, column: m.index + 1, marker: m[1] as TodoMarker['marker'] });
  }
  return out;
}
