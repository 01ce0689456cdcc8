import { browserFrame } from './browserFrames';
import { cleanLine } from './cleanLine';
import { dotnetFrame } from './dotnetFrames';
import { goFrame } from './goFrames';
import { javaFrame } from './javaFrames';
import { nodeFrame } from './nodeFrames';
import { pythonFrame } from './pythonFrames';
import { rustFrame } from './rustFrames';
import type { FrameParser, StackFrame } from './types';

// No runtime prints a frame this long; skipping longer lines (minified bundles, base64 blobs) bounds the
// cost of every pattern below.
const MAX_LINE_LENGTH = 4096;

// The more specific shapes go first: Java, .NET and Rust backtrace lines also start with `at `, and a
// Chrome frame is a V8 frame whose location is a page URL.
const PARSERS: readonly FrameParser[] = [pythonFrame, dotnetFrame, javaFrame, rustFrame, goFrame, browserFrame, nodeFrame];

/** Every stack frame in `text`, in text order, at most one per line. Never throws. */
export function parseFrames(text: string): StackFrame[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lines = text.split('\n').map((raw) => (raw.length > MAX_LINE_LENGTH ? '' : cleanLine(raw)));
  const frames: StackFrame[] = [];
  for (let index = 0; index < lines.length; index++) {
    const frame = frameOn(lines, index);
    if (frame) frames.push(frame);
  }
  return frames;
}

function frameOn(lines: readonly string[], index: number): StackFrame | null {
  if (lines[index] === '') return null;
  for (const parser of PARSERS) {
    try {
      const frame = parser(lines, index);
      if (frame) return frame;
    } catch {
      // A line no parser can read is simply not a frame; the rest of the text still counts.
    }
  }
  return null;
}

// Frames of one Python traceback are at most this many lines apart (the frame, its source line, the caret
// line, a "[Previous line repeated]" note); chained tracebacks are separated by more.
const PYTHON_FRAME_GAP = 4;

/**
 * The user's frame nearest the error in the first trace that has one. Most runtimes print innermost-first,
 * so that is the first user frame; Python prints "most recent call last", so it is the last user frame of
 * that traceback.
 */
export function firstUserFrame(frames: readonly StackFrame[]): StackFrame | undefined {
  const first = frames.findIndex((frame) => frame.userCode);
  let best = frames[first];
  if (best?.runtime !== 'python') return best;
  for (let i = first + 1; i < frames.length; i++) {
    const frame = frames[i];
    const previous = frames[i - 1];
    if (!frame || !previous || frame.runtime !== 'python' || frame.textLine - previous.textLine > PYTHON_FRAME_GAP) break;
    if (frame.userCode) best = frame;
  }
  return best;
}
