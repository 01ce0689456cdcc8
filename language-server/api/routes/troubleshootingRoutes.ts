import path from 'node:path';
import type { Project } from '../../model';
import { isInside } from '../../scanner/projectPaths';
import { notFound } from '../http/apiError';
import { route } from '../route';
import { int, obj, optional, str } from '../schema';
import { APPROVED, DIAGNOSIS } from './shapes';

/** Up to the body limit: the part of a log around the error is what diagnoses it. */
const MAX_TEXT_CHARS = 60_000;

/** The seed's `troubleshooting` endpoints: diagnose an error text, approve a fix's command. */
export const TROUBLESHOOTING_ROUTES = [
  route({
    method: 'POST', path: '/api/v1/troubleshooting/diagnose', operationId: 'diagnose', tag: 'troubleshooting', scope: 'read',
    summary: 'The cause of an error text and the fixes for it (the diagnosis is remembered in the history)',
    body: obj({
      text: str({ max: MAX_TEXT_CHARS, description: 'The error output, or the part of a log around the error.' }),
      cwd: optional(str({ max: 4096, description: 'Where the failing command ran: a known project folder or a folder inside one.' })),
      command: optional(str({ max: 2000, oneLine: true, description: 'The command line that failed.' })),
      exitCode: optional(int({ min: -1_000_000, max: 1_000_000 })),
    }),
    response: DIAGNOSIS,
    handle: async (api, req) => {
      const known = api.projects();
      const cwd = req.body.cwd === undefined ? undefined : knownFolder(req.body.cwd, known);
      const result = await api.diagnose({ text: req.body.text, source: 'input', ...(cwd ? { cwd } : {}), ...(req.body.command ? { command: req.body.command } : {}), ...(req.body.exitCode !== undefined ? { exitCode: req.body.exitCode } : {}) });
      // A frame naming a file outside every project says nothing about the projects, and could tell whether a file exists.
      const { userFrame, ...rest } = result;
      return userFrame && inProject(userFrame.file, known) ? result : rest;
    },
  }),
  route({
    method: 'POST', path: '/api/v1/troubleshooting/fix', operationId: 'approveFix', tag: 'troubleshooting', scope: 'write',
    summary: "Approve a fix's shell command before you run it; audited",
    description: 'As in the editor, Optimus never runs a fix command itself: it checks it is one line, audits it with the diagnosis, and answers what to run where. Report how it went with a new diagnosis if it did not work.',
    body: obj({
      command: str({ max: 2000, oneLine: true, description: "The fix's command, as the diagnosis gave it." }),
      diagnosisId: str({ max: 64, oneLine: true, description: 'The diagnosis the fix belongs to (diagnosis.id).' }),
      cwd: optional(str({ max: 4096, description: 'A known project folder (or one inside it) to run it in.' })),
    }),
    response: APPROVED,
    handle: async (api, req) => {
      const cwd = req.body.cwd === undefined ? null : knownFolder(req.body.cwd, api.projects());
      await api.approveFix({ command: req.body.command, cwd, diagnosisId: req.body.diagnosisId });
      return { approved: true, command: req.body.command.trim(), cwd };
    },
  }),
];

/** A folder given in a body counts only inside a known project; nothing outside them is looked at. */
function knownFolder(folder: string, projects: readonly Project[]): string {
  const dotted = folder.split(/[\\/]/).some((s) => s === '..' || s === '.');
  if (!path.isAbsolute(folder) || dotted || folder.includes('\0') || !inProject(folder, projects)) throw notFound(`${folder.slice(0, 200)} is not a folder of a project Optimus knows.`);
  return folder;
}

function inProject(file: string, projects: readonly Project[]): boolean {
  return projects.some((p) => p.path === file || isInside(file, p.path));
}
