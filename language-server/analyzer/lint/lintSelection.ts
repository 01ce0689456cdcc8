import path from 'node:path';
import { isInside } from '../../scanner/projectPaths';
import { mapLimit } from '../../util/limit';
import { isScript, languageOf } from '../source';
import type { EslintSession } from './eslintSessions';
import type { PlannedFile } from './lintBatches';
import type { SeenFiles } from './lintSeen';
import type { LintInput, LintOptions, LintReport } from './lintTypes';
import { checkFile, DEFAULT_MAX_FILE_BYTES, skipReasonForText } from './skipFile';

export const DEFAULT_MAX_FILES = 5_000;

export interface Selected {
  files: PlannedFile[];
  texts: { path: string; text: string }[];
}

/**
 * Drops what ESLint should not see, each with a note: files outside the project, files over the per-run
 * limit, too big or minified ones. Under the built-in set only JS/TS files are kept (nothing else has a
 * parser); a project config decides for itself which files it lints.
 */
export async function selectInputs(projectDir: string, inputs: readonly LintInput[], session: EslintSession, options: LintOptions, seen: SeenFiles, report: LintReport): Promise<Selected> {
  const root = path.resolve(projectDir);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const wanted = inputs.map((i) => (typeof i === 'string' ? { path: path.resolve(root, i) } : { path: path.resolve(root, i.path), text: i.text }));
  const inProject = wanted.filter((i) => (i.path !== root && isInside(i.path, root)) || void report.notes.push(`${i.path} is outside ${root} and was not linted`));
  const lintable = inProject.filter((i) => session.config.kind === 'project' || isScript(languageOf(i.path)));
  if (lintable.length > maxFiles) {
    report.stopped = 'max-files';
    report.notes.push(`Only the first ${maxFiles} of ${lintable.length} files were linted (the per-run limit)`);
  }
  const checked = await mapLimit(lintable.slice(0, maxFiles), 32, async (i) => {
    if (i.text !== undefined) return { ...i, bytes: i.text.length, mtimeMs: 0, skip: skipReasonForText(i.path, i.text, maxBytes) };
    return { ...i, ...(await checkFile(i.path, maxBytes)) };
  });
  const selected: Selected = { files: [], texts: [] };
  for (const c of checked) {
    if (c.skip) {
      report.filesSkipped++;
      report.notes.push(c.skip);
    } else if (c.text !== undefined) selected.texts.push({ path: c.path, text: c.text });
    else selected.files.push({ path: c.path, bytes: c.bytes, mtimeMs: c.mtimeMs, likelyCached: isUnchanged(seen, c.path, c.bytes, c.mtimeMs) });
  }
  return selected;
}

function isUnchanged(seen: SeenFiles, file: string, bytes: number, mtimeMs: number): boolean {
  const last = seen.files.get(file);
  return last !== undefined && last[0] === bytes && last[1] === mtimeMs;
}

