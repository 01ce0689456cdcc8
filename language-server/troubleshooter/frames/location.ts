export interface Location {
  file: string;
  line: number;
  column: number | null;
}

// Bounded digit runs keep numbers in the safe-integer range; the pattern is anchored at the end and its only
// branch point is a ':', so it stays linear on any input.
const TAIL = /:(\d{1,9})(?::(\d{1,9}))?$/;

/** Splits `file:line` or `file:line:column`; null when there is no line or no file before it. */
export function splitLocation(text: string): Location | null {
  const match = TAIL.exec(text);
  if (!match || match.index === 0) return null;
  const file = text.slice(0, match.index);
  // A clock time ("at 10:30:00") has the shape of a location but names no file.
  if (file.trim() !== file || !/[A-Za-z]/.test(file)) return null;
  return { file, line: Number(match[1]), column: match[2] === undefined ? null : Number(match[2]) };
}
