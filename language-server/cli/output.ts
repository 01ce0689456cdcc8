import type { Project, ScanNote } from '../model';
import { projectTable } from './table';

export interface ListOutput {
  projects: Project[];
  notes: ScanNote[];
  elapsedMs?: number;
}

export interface OutputMode {
  json: boolean;
  batch: boolean;
}

/** stdout gets the result only; notes (skipped folders, missing roots) go to stderr unless they are part of the JSON. */
export function printList(result: ListOutput, mode: OutputMode, out: NodeJS.WritableStream, err: NodeJS.WritableStream): void {
  if (mode.json && mode.batch) {
    for (const project of result.projects) out.write(JSON.stringify(project) + '\n');
    printNotes(result.notes, err);
    return;
  }
  if (mode.json) {
    const elapsed = result.elapsedMs === undefined ? {} : { elapsedMs: Math.round(result.elapsedMs) };
    out.write(JSON.stringify({ projects: result.projects, notes: result.notes, ...elapsed }, null, 2) + '\n');
    return;
  }
  out.write(projectTable(result.projects) + '\n');
  printNotes(result.notes, err);
  if (result.elapsedMs !== undefined) err.write(`${result.projects.length} projects in ${Math.round(result.elapsedMs)} ms\n`);
}

function printNotes(notes: readonly ScanNote[], err: NodeJS.WritableStream): void {
  for (const note of notes) err.write(`note: ${note.message}\n`);
}

/** `--json`: one document, indented for people reading it; scripts parse it all the same. */
export function writeJson(out: NodeJS.WritableStream, value: unknown): void {
  out.write(JSON.stringify(value, null, 2) + '\n');
}

/** `--json --batch`: JSON Lines, one item per line. */
export function writeJsonLines(out: NodeJS.WritableStream, items: Iterable<unknown>): void {
  for (const item of items) out.write(JSON.stringify(item) + '\n');
}
