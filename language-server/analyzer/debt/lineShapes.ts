/**
 * A file reduced to its lines of code for duplicate detection: each kept line's number, its shape (tokens with
 * identifiers and literals normalised, so renamed copies match) and its exact tokens (to tell copies from
 * look-alikes). Blank and comment-only lines, imports and plain requires are dropped: they repeat across files
 * without being duplicated logic.
 */
export interface ShapedFile {
  path: string;
  /** 1-based line number of each kept line. */
  lines: number[];
  shapes: string[];
  exact: string[];
  tokens: number[];
}

/** Normalised stand-ins: every identifier is `$`, every literal `"`. */
export const IDENT = '$';
export const LITERAL = '"';

/** A line made only of requires: `const { a } = require('x');`, `const b = require('y').c;`. */
const REQUIRE_LINE = /^(?:const|let|var) .*= require \( \S+ \)(?: \. \S+)* ;?$/;

/** Collects tokens line by line, in order; a line is finished when a token of a later line arrives. */
export class LineCollector {
  private readonly file: ShapedFile;
  private line = 0;
  private shape: string[] = [];
  private exact: string[] = [];

  constructor(path: string) {
    this.file = { path, lines: [], shapes: [], exact: [], tokens: [] };
  }

  add(line: number, shape: string, exact: string): void {
    if (line !== this.line) this.flush();
    this.line = line;
    this.shape.push(shape);
    this.exact.push(exact);
  }

  finish(): ShapedFile {
    this.flush();
    return this.file;
  }

  private flush(): void {
    if (this.shape.length === 0) return;
    const exact = this.exact.join(' ');
    if (!REQUIRE_LINE.test(exact)) {
      this.file.lines.push(this.line);
      this.file.shapes.push(this.shape.join(' '));
      this.file.exact.push(exact);
      this.file.tokens.push(this.shape.length);
    }
    this.shape = [];
    this.exact = [];
  }
}

/** Offsets where each line starts, for turning token positions into line numbers. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
