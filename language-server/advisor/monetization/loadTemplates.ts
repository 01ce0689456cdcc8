import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { optimusHome } from '../../store/storePath';
import { parseTemplateFile } from './templateFile';
import type { MonetizationTemplate } from './templateTypes';

export interface TemplateSet {
  templates: MonetizationTemplate[];
  /** Files that could not be used, and why; the others stand regardless. */
  problems: string[];
}

/** A template is a page of YAML; anything bigger is a mistake and is not read. */
const MAX_FILE_BYTES = 64 * 1024;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const EXTENSION = /\.ya?ml$/;

/** `templates/` beside this code under tsx; a bundle needs the folder copied beside it under the same name. */
export function builtinTemplatesDir(): string {
  return path.join(__dirname, 'templates');
}

/** `$OPTIMUS_HOME/monetization`, where users add or replace templates. */
export function userTemplatesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(optimusHome(env), 'monetization');
}

/**
 * The built-in templates, then the user's: a user file with a new id adds a revenue model, one with a built-in
 * id replaces it. Never throws: a bad or missing file is a problem (a missing user folder is no problem at all).
 */
export async function loadTemplates(options: { userDir?: string | null; builtinDir?: string } = {}): Promise<TemplateSet> {
  const builtin = await readFolder(options.builtinDir ?? builtinTemplatesDir(), true);
  if (!options.userDir) return builtin;
  const user = await readFolder(options.userDir, false);
  const byId = new Map(builtin.templates.map((t) => [t.id, t]));
  for (const t of user.templates) byId.set(t.id, t);
  return { templates: [...byId.values()], problems: [...builtin.problems, ...user.problems] };
}

async function readFolder(dir: string, required: boolean): Promise<TemplateSet> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { templates: [], problems: required || code !== 'ENOENT' ? [`The monetization template folder ${dir} cannot be read (${code ?? String(error)})`] : [] };
  }
  const out: TemplateSet = { templates: [], problems: [] };
  for (const name of names.filter((n) => EXTENSION.test(n)).sort()) {
    try {
      out.templates.push(await readTemplate(path.join(dir, name)));
    } catch (error) {
      out.problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return out;
}

async function readTemplate(file: string): Promise<MonetizationTemplate> {
  const id = path.basename(file).replace(EXTENSION, '');
  if (!ID.test(id)) throw new Error(`Monetization template ${file} must be named <id>.yaml with a lower-case id of letters, digits and dashes`);
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`Monetization template ${file} is not a file`);
  if (info.size > MAX_FILE_BYTES) throw new Error(`Monetization template ${file} is over ${MAX_FILE_BYTES / 1024} KB`);
  return parseTemplateFile(id, await readFile(file, 'utf8'), file);
}
