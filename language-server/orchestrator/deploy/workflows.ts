import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { asString, isRecord, readYaml } from './readProjectFile';
import { commandWith } from './shellArg';
import type { DeployTarget } from './types';
import { jobReasons } from './workflowJobs';

const FOLDER = '.github/workflows';
const MAX_WORKFLOWS = 100;

/**
 * Workflows under `.github/workflows` that look like they deploy, release or publish; each says why. Manual ones
 * (workflow_dispatch) come first since `gh workflow run` can start them from here; the rest are for information.
 */
export async function workflowTargets(projectDir: string): Promise<DeployTarget[]> {
  const dir = path.join(projectDir, FOLDER);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    return unlisted(dir, error);
  }
  const names = entries.filter((n) => /\.ya?ml$/.test(n)).sort().slice(0, MAX_WORKFLOWS);
  const targets = (await Promise.all(names.map((name) => workflowTarget(projectDir, name)))).filter((t): t is DeployTarget => t !== null);
  return targets.sort((a, b) => Number(b.suggestedCommand !== undefined) - Number(a.suggestedCommand !== undefined));
}

/** No folder is no workflows; a folder that exists but cannot be listed (a link loop, no permission) is worth a note. */
function unlisted(dir: string, error: unknown): DeployTarget[] {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return [];
  const why = code === 'ELOOP' ? 'a symbolic link loop' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error);
  return [{ kind: 'github-actions', file: dir, label: `GitHub Actions (${FOLDER} could not be read)`, notes: [`${FOLDER} cannot be listed (${why})`] }];
}

async function workflowTarget(projectDir: string, name: string): Promise<DeployTarget | null> {
  const rel = `${FOLDER}/${name}`;
  const file = path.join(projectDir, FOLDER, name);
  const read = await readYaml(projectDir, rel);
  if (!read.ok) return { kind: 'github-actions', file, label: `GitHub Actions: ${rel} (could not be read)`, notes: [read.note, 'Fix the file to know whether it deploys.'] };
  if (!isRecord(read.value) || !isRecord(read.value.jobs)) return null;
  const reasons = Object.entries(read.value.jobs).flatMap(([id, job]) => jobReasons(id, job));
  if (reasons.length === 0) return null;
  // YAML 1.1 readers turn a bare `on` key into `true`; the 1.2 reader used here does not, but files may say either.
  const on = read.value.on ?? read.value.true;
  const manual = triggerNames(on).includes('workflow_dispatch');
  const run = manual ? commandWith(name, (arg) => `gh workflow run ${arg}`) : { notes: [] };
  const notes = [`Triggered by ${describeTriggers(on) || 'nothing it names'}`, ...reasons, ...(manual ? manualNotes(on) : []), ...run.notes];
  return { kind: 'github-actions', file, label: `GitHub Actions: ${asString(read.value.name) ?? name} (${rel})`, ...run, notes };
}

/** `on:` may be a string, a list or a map. */
function triggerNames(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  return isRecord(on) ? Object.keys(on) : [];
}

/** `push (main)`, `push (tags v*)`: the branches or tags a trigger is limited to, when it says. */
function describeTriggers(on: unknown): string {
  return triggerNames(on).map((t) => {
    const spec = isRecord(on) && isRecord(on[t]) ? on[t] : {};
    const list = (key: string): string[] => (Array.isArray(spec[key]) ? spec[key].filter((v): v is string => typeof v === 'string') : []);
    const branches = list('branches');
    const tags = list('tags');
    const limits = [...branches, ...(tags.length ? [`tags ${tags.join(', ')}`] : [])];
    return limits.length ? `${t} (${limits.join(', ')})` : t;
  }).join(', ');
}

/** What `gh workflow run` will do that the user should know before it runs: prompt for inputs, use the default branch. */
function manualNotes(on: unknown): string[] {
  const dispatch = isRecord(on) && isRecord(on.workflow_dispatch) ? on.workflow_dispatch : {};
  const inputs = isRecord(dispatch.inputs) ? Object.entries(dispatch.inputs) : [];
  const described = inputs.map(([id, spec]) => (isRecord(spec) && spec.required === true ? `${id} (required)` : id));
  return [...(described.length ? [`asks for inputs: ${described.join(', ')}`] : []), '`gh workflow run` runs it on the default branch; add --ref BRANCH for another'];
}
