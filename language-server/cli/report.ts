import type { Finding } from '../model';
import type { GlobalArgs, Stream } from './command';
import { writeJson, writeJsonLines } from './output';

/** A command's single result: the JSON document, one JSON line with --batch, or `text` for people. */
export function printReport(global: GlobalArgs, out: Stream, report: object, text: () => string): void {
  if (global.json && global.batch) writeJsonLines(out, [report]);
  else if (global.json) writeJson(out, report);
  else out.write(text() + '\n');
}

/** Findings name files and lines, never values: safe for stderr, where they stay out of the JSON on stdout. */
export function printFindings(err: Stream, findings: readonly Finding[]): void {
  for (const f of findings) err.write(`${f.severity === 'info' ? 'note' : 'warning'}: ${f.message}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}\n`);
}

export function list(items: readonly (string | number)[], none = 'none'): string {
  return items.length > 0 ? items.join(', ') : none;
}
