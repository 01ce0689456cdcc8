import { normalizeFile } from './normalizeFile';
import type { Runtime, StackFrame } from './types';
import { isUserCode } from './userCode';

export interface FrameParts {
  runtime: Runtime;
  /** The location exactly as printed; userCode is judged on it before normalization hides its scheme. */
  rawFile: string;
  line: number;
  column: number | null;
  function: string | null;
  textLine: number;
}

export function makeFrame(parts: FrameParts): StackFrame {
  const fn = parts.function === null || parts.function.trim() === '' ? null : parts.function.trim();
  return {
    file: normalizeFile(parts.rawFile),
    line: parts.line,
    column: parts.column,
    function: fn,
    userCode: isUserCode(parts.runtime, parts.rawFile, fn),
    runtime: parts.runtime,
    textLine: parts.textLine,
  };
}
