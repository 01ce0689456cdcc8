export type Runtime = 'node' | 'browser' | 'python' | 'java' | 'go' | 'rust' | 'dotnet';

/** One call site read from a stack trace in error text. */
export interface StackFrame {
  /** A path as the trace printed it (file:// URLs turned into paths, bundler prefixes stripped). */
  file: string;
  line: number;
  column: number | null;
  function: string | null;
  /** False for dependencies, the runtime's own library and pseudo-files such as `<anonymous>`. */
  userCode: boolean;
  runtime: Runtime;
  /** 0-based index of the text line the frame came from */
  textLine: number;
}

/**
 * Reads the frame on `lines[index]`, or returns null. Some formats (Go, Rust backtraces) print the
 * function on the line above the location, so a parser sees the whole array.
 */
export type FrameParser = (lines: readonly string[], index: number) => StackFrame | null;
