import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, FindingSeverity } from '../../model';
import type { DotenvEntry, DotenvProblemKind } from './dotenv';
import { parseDotenv } from './dotenv';
import { isEnvFileName } from './profiles';
import { readProjectText } from './readText';

/** A .env file holds tens of keys; a megabyte is already something else (a dump, a log) and is not read. */
export const MAX_ENV_BYTES = 1024 * 1024;
/** A folder with more .env files than this is generated; the first ones (sorted) are enough to show. */
const MAX_ENV_FILES = 40;

const SEVERITY: Readonly<Record<DotenvProblemKind, FindingSeverity>> = {
  'invalid-line': 'warning', 'unclosed-quote': 'warning', 'after-quote': 'warning', 'duplicate-key': 'info',
};

export interface EnvFile {
  name: string;
  /** Absolute path. */
  path: string;
  /** Null when the file could not be read (its finding says why). Values are the real ones: never show them. */
  entries: DotenvEntry[] | null;
  findings: Finding[];
}

/** Names of the .env files in `dir`, sorted; none (and a finding) when the folder cannot be listed. */
export async function listEnvFiles(dir: string): Promise<{ names: string[]; findings: Finding[] }> {
  try {
    const names = (await readdir(dir)).filter(isEnvFileName).sort().slice(0, MAX_ENV_FILES);
    return { names, findings: [] };
  } catch (error) {
    const message = `Cannot list the .env files in ${dir}: ${error instanceof Error ? error.message : String(error)}`;
    return { names: [], findings: [{ code: 'env/unreadable', severity: 'warning', message, file: dir }] };
  }
}

/** Reads and parses one file; null when it does not exist (a profile file that is simply not there). */
export async function readEnvFile(dir: string, name: string): Promise<EnvFile | null> {
  const file = path.join(dir, name);
  const reading = await readProjectText(file, name, 'env', MAX_ENV_BYTES);
  if (!reading.ok) return reading.missing ? null : { name, path: file, entries: null, findings: [reading.finding] };
  const parsed = parseDotenv(reading.text);
  const findings = parsed.problems.map((p): Finding => ({
    code: `env/${p.kind}`, severity: SEVERITY[p.kind], message: `${name}: ${p.message}`, file, line: p.line,
  }));
  return { name, path: file, entries: parsed.entries, findings };
}

/** The files of a profile that exist, in load order. */
export async function readEnvFiles(dir: string, names: readonly string[]): Promise<EnvFile[]> {
  const files = await Promise.all(names.map((name) => readEnvFile(dir, name)));
  return files.filter((f): f is EnvFile => f !== null);
}
