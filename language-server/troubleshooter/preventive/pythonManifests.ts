/**
 * What a Python project declares, from every manifest the scanner reads: requirements*.txt (and
 * requirements/*.txt, following `-r` includes), pyproject.toml (PEP 621, Poetry, uv, PDM), Pipfile, setup.py and
 * setup.cfg. Names come back normalised (PEP 503). Undefined when the project has none of these: nothing to judge.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { normalisePythonName } from '../../scanner/ecosystems/frameworks';
import { MAX_MANIFEST_BYTES } from '../../scanner/ecosystems/context';
import { parseTomlText } from '../../scanner/ecosystems/parse';
import { pyprojectDependencies, pyprojectTools } from '../../scanner/ecosystems/python-pyproject';
import { parseRequirements, parseSetupCfg, parseSetupPy } from '../../scanner/ecosystems/python-requirements';
import { asRecord, asString, at } from '../../scanner/ecosystems/values';
import { cachedParse, fileStamp } from './fileCache';
import { isInside } from './paths';
import { readPyproject } from './pyproject';

export type PythonTool = 'poetry' | 'uv' | 'pdm' | 'pipenv' | 'pip';

export interface PythonManifests {
  declared: ReadonlySet<string>;
  /** The project's own distribution names: importing itself is fine. */
  ownNames: ReadonlySet<string>;
  tool: PythonTool;
  /** The first requirements file, where a pip project adds a line. */
  requirementsFile: string | undefined;
}

const REQUIREMENTS = /^requirements.*\.txt$|^(dev|test)-requirements\.txt$/;
const MAX_INCLUDES = 20;

interface Requirements {
  names: string[];
  includes: string[];
}

export async function pythonManifests(projectDir: string): Promise<PythonManifests | undefined> {
  const requirementFiles = requirementsFiles(projectDir);
  const declared = new Set<string>();
  const ownNames = new Set<string>();
  const sources = await Promise.all([readRequirements(projectDir, requirementFiles, declared), fromPyproject(projectDir, declared, ownNames),
    readPipfile(projectDir, declared), readSetup(projectDir, declared, ownNames)]);
  if (!sources.some(Boolean)) return undefined;
  return { declared, ownNames, tool: await pythonTool(projectDir), requirementsFile: requirementFiles[0] };
}

function requirementsFiles(projectDir: string): string[] {
  const inFolder = (dir: string, test: (name: string) => boolean): string[] => {
    try {
      return readdirSync(dir).filter(test).sort().map((n) => path.join(dir, n));
    } catch {
      return [];
    }
  };
  return [...inFolder(projectDir, (n) => REQUIREMENTS.test(n)), ...inFolder(path.join(projectDir, 'requirements'), (n) => n.endsWith('.txt'))];
}

async function readRequirements(projectDir: string, files: readonly string[], declared: Set<string>): Promise<boolean> {
  const queue = [...files];
  const seen = new Set<string>();
  let any = false;
  while (queue.length > 0 && seen.size < MAX_INCLUDES) {
    const file = queue.shift() as string;
    if (seen.has(file) || !isInside(file, projectDir)) continue;
    seen.add(file);
    const parsed = await cachedParse(file, 'requirements', MAX_MANIFEST_BYTES, parseRequirementsFile);
    if (!parsed) continue;
    any = true;
    parsed.names.forEach((n) => declared.add(n));
    queue.push(...parsed.includes.map((inc) => path.resolve(path.dirname(file), inc)));
  }
  return any;
}

function parseRequirementsFile(text: string): Requirements {
  const includes = [...text.matchAll(/^\s*(?:-r|--requirement)(?:\s+|=)(\S+)/gm)].map((m) => m[1] as string);
  return { names: parseRequirements(text, 'runtime').map((d) => normalisePythonName(d.name)), includes };
}

async function fromPyproject(projectDir: string, declared: Set<string>, ownNames: Set<string>): Promise<boolean> {
  const doc = (await readPyproject(projectDir))?.doc;
  if (!doc) return false;
  pyprojectDependencies(doc).forEach((d) => declared.add(normalisePythonName(d.name)));
  for (const name of [asString(at(doc, 'project', 'name')), asString(at(doc, 'tool', 'poetry', 'name'))]) if (name) ownNames.add(normalisePythonName(name));
  return true;
}

async function readPipfile(projectDir: string, declared: Set<string>): Promise<boolean> {
  const doc = await cachedParse(path.join(projectDir, 'Pipfile'), 'pipfile', MAX_MANIFEST_BYTES, tomlDoc);
  if (!doc) return false;
  for (const section of ['packages', 'dev-packages']) Object.keys(asRecord(doc[section]) ?? {}).forEach((n) => declared.add(normalisePythonName(n)));
  return true;
}

async function readSetup(projectDir: string, declared: Set<string>, ownNames: Set<string>): Promise<boolean> {
  const parse = (reader: typeof parseSetupPy) => (text: string) => ({ names: reader(text).map((d) => normalisePythonName(d.name)), own: /\bname\s*[=:]\s*['"]?([\w.-]+)/.exec(text)?.[1] });
  const results = await Promise.all([
    cachedParse(path.join(projectDir, 'setup.py'), 'setup.py', MAX_MANIFEST_BYTES, parse(parseSetupPy)),
    cachedParse(path.join(projectDir, 'setup.cfg'), 'setup.cfg', MAX_MANIFEST_BYTES, parse(parseSetupCfg)),
  ]);
  for (const result of results) {
    result?.names.forEach((n) => declared.add(n));
    if (result?.own) ownNames.add(normalisePythonName(result.own));
  }
  return results.some((r) => r !== undefined);
}

function tomlDoc(text: string): Record<string, unknown> | undefined {
  const parsed = parseTomlText(text);
  return parsed.ok ? parsed.value : undefined;
}

/** Lockfiles first (what the project really uses), then what pyproject.toml names, then Pipfile; pip otherwise. */
async function pythonTool(projectDir: string): Promise<PythonTool> {
  const locks: readonly (readonly [string, PythonTool])[] = [['poetry.lock', 'poetry'], ['uv.lock', 'uv'], ['pdm.lock', 'pdm'], ['Pipfile.lock', 'pipenv']];
  const locked = locks.find(([name]) => fileStamp(path.join(projectDir, name)));
  if (locked) return locked[1];
  const doc = (await readPyproject(projectDir))?.doc;
  const named = doc ? pyprojectTools(doc).find((t): t is PythonTool => t === 'poetry' || t === 'uv' || t === 'pdm') : undefined;
  if (named) return named;
  return fileStamp(path.join(projectDir, 'Pipfile')) ? 'pipenv' : 'pip';
}

export function pythonAddCommand(tool: PythonTool, distribution: string): string {
  switch (tool) {
    case 'pipenv': return `pipenv install ${distribution}`;
    case 'pip': return `pip install ${distribution}`;
    default: return `${tool} add ${distribution}`;
  }
}
