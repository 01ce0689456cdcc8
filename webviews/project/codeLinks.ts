/**
 * Whether the page offers to open a file: a path inside the project as the server makes them (relative, `/`-separated).
 * `.` (a finding about the project as a whole), absolute paths and paths that climb out with `..` are shown as
 * text only. The host checks again before it opens anything: this only keeps the page from offering what it
 * would refuse.
 */
export function isOpenable(file: string): boolean {
  if (file === '' || file === '.' || file.startsWith('/') || file.startsWith('\\') || /^[a-z]:/i.test(file)) return false;
  return !file.split(/[\\/]/).includes('..');
}

/** `src/app.ts:12` */
export function locationText(file: string, line: number): string {
  return file === '.' ? 'the project as a whole' : `${file}:${line}`;
}
