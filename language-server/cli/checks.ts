import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { profileNameProblem } from '../orchestrator/env/profiles';
import { expandHome } from '../scanner/ignore';
import type { RawArgs } from './command';
import { UsageError } from './usage';

/** Checks of a command's arguments, shared by the commands; each failure says what to type instead. */

export function noPositionals(raw: RawArgs, hint: string): void {
  if (raw.positionals.length > 0) throw new UsageError(`\`optimus ${raw.command}\` takes no ${hint} (got ${raw.positionals.join(' ')}).`);
}

/** Exactly the named positionals, e.g. ['PATH'] or ['ARCHIVE', 'DEST']; optional ones end in `?`. */
export function positionals(raw: RawArgs, names: readonly string[], usage: string): string[] {
  const required = names.filter((n) => !n.endsWith('?')).length;
  if (raw.positionals.length < required) {
    const missing = names.slice(raw.positionals.length).filter((n) => !n.endsWith('?'));
    throw new UsageError(`\`optimus ${raw.command}\` needs ${missing.join(' and ')}: type \`optimus ${usage}\`.`);
  }
  if (raw.positionals.length > names.length) {
    throw new UsageError(`\`optimus ${raw.command}\` takes ${names.length === 1 ? 'one argument' : `${names.length} arguments`}, got ${raw.positionals.length} (${raw.positionals.join(' ')}): type \`optimus ${usage}\`.`);
  }
  return raw.positionals;
}

export function stringOption(raw: RawArgs, name: string): string | undefined {
  const value = raw.options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value;
}

export function intOption(raw: RawArgs, name: string, min: number, max: number): number | undefined {
  const text = stringOption(raw, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  return n;
}

/** `--profile NAME`, checked here so a typo is a usage error rather than a silently ignored profile. */
export function profileOption(raw: RawArgs): string | undefined {
  const profile = stringOption(raw, 'profile');
  const problem = profile === undefined ? undefined : profileNameProblem(profile);
  if (problem) throw new UsageError(`--profile: ${problem}.`);
  return profile;
}

/** A path argument as the shell would mean it: `~` expanded, relative to the current folder, absolute. */
export function absolutePath(text: string): string {
  return path.resolve(expandHome(text, os.homedir()));
}

/**
 * The project folder a command acts on, absolute. Not a folder is a usage error (exit 2): the command line
 * names the wrong thing, and the message says which.
 */
export async function existingFolder(text: string, usage: string): Promise<string> {
  const dir = absolutePath(text);
  const info = await stat(dir).catch(() => null);
  if (!info) throw new UsageError(`No such folder: ${dir}. Type \`optimus ${usage}\` with the folder of a project.`);
  if (!info.isDirectory()) throw new UsageError(`${dir} is not a folder. Type \`optimus ${usage}\` with the folder of a project.`);
  return dir;
}
