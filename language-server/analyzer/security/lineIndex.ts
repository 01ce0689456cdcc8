/**
 * Offsets to 1-based line and column for any text file. The secrets scanner reads files TypeScript never parses
 * (YAML, .properties, Python), so it cannot lean on `ts.SourceFile` for positions.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** Columns count UTF-16 code units, as ESLint and TypeScript report them. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineAt(offset);
    return { line: line + 1, column: offset - (this.starts[line] ?? 0) + 1 };
  }

  /** Offset where a 0-based line starts; undefined past the last line. */
  lineStart(line: number): number | undefined {
    return this.starts[line];
  }

  /** 0-based line of an offset (binary search: findings come in any order). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
