/**
 * A long log is mostly lines that name no cause (requests served, progress, timings) and the same lines again
 * with other numbers. Above FOCUS_CHARS the patterns run only on lines with a word that failures use, their
 * stack frames and two lines of context on each side, and only on the first of lines that differ in their
 * numbers alone (the first names the cause first); `lineOf` maps a focused line back to the original text.
 * Below it, the text is read whole.
 */
export const FOCUS_CHARS = 256 * 1024;
const CONTEXT_LINES = 2;
const MAX_FOCUSED_LINES = 20_000;

const SIGNAL = /err|fail|fatal|exception|denied|refused|not found|cannot|can't|unable|invalid|unexpected|missing|timed? ?out|killed|abort|panic|segmentation|fault|conflict|reject|unsupported|require|no such|no space|too many|already|could ?n[o']t|undefined|null|nil\b|traceback|caused by|warn|\bE[A-Z]{3,}\b|\bTS\d{4}\b|exit (?:code|status)|is not|limit|permission|blocked|certificate|resolve|\bat [\w.<$]|File "|\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|cs|rb|php):\d+/i;

export interface FocusedText {
  text: string;
  lineOf(focusedLine: number): number;
}

export function focusText(text: string): FocusedText {
  if (text.length <= FOCUS_CHARS) return { text, lineOf: (line) => line };
  const lines = text.split('\n');
  const keep = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    if (!SIGNAL.test((lines[i] ?? '').slice(0, 2048))) continue;
    for (let j = Math.max(0, i - CONTEXT_LINES); j <= Math.min(lines.length - 1, i + CONTEXT_LINES); j++) keep[j] = 1;
  }
  const original: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length && original.length < MAX_FOCUSED_LINES; i++) {
    if (!keep[i]) continue;
    const shape = (lines[i] ?? '').slice(0, 512).replace(/\d+/g, '0');
    if (seen.has(shape)) continue;
    seen.add(shape);
    original.push(i);
  }
  return { text: original.map((i) => lines[i]).join('\n'), lineOf: (line) => original[line] ?? line };
}
