import path from 'node:path';
import type { Finding } from '../model';
import { parseJsoncText } from '../scanner/ecosystems/parse';
import { isRecord } from '../scanner/ecosystems/values';
import { errorMessage } from '../store/errors';
import type { ProjectSettings } from '../store/projectSettingsRepo';
import { loadProjectSettings, saveProjectSettings } from '../store/projectSettingsRepo';
import type { Store } from '../store/store';
import { profileNameProblem } from './env/profiles';
import { readProjectText } from './env/readText';

export const CONFIG_FILE = '.optimus.json';
/** A settings file of a few lines; anything bigger is not one. */
const MAX_CONFIG_BYTES = 64 * 1024;
/** A command line longer than this is a pasted file, not a command. */
const MAX_COMMAND_CHARS = 4096;

/** `.optimus.json`, checked: only fields of the right type are here. */
export interface OptimusConfig {
  start?: string;
  env?: string;
  deploy?: string;
  keepRunning?: boolean;
}

export interface ConfigReading {
  config: OptimusConfig;
  /** Unknown keys, wrong types, malformed JSON; each names the file (and the line when it can be found). */
  findings: Finding[];
}

type Check = (value: unknown) => string | undefined;

const FIELDS: Readonly<Record<keyof OptimusConfig, { what: string; check: Check }>> = {
  start: { what: 'the command line that starts the project', check: (v) => (typeof v === 'string' ? commandProblem(v) : wrongType(v, 'a string')) },
  env: { what: 'the .env profile to use', check: (v) => (typeof v === 'string' ? profileNameProblem(v) : wrongType(v, 'a string')) },
  deploy: { what: 'the command line that deploys the project', check: (v) => (typeof v === 'string' ? commandProblem(v) : wrongType(v, 'a string')) },
  keepRunning: { what: 'whether to keep the project running', check: (v) => (typeof v === 'boolean' ? undefined : wrongType(v, 'true or false')) },
};
/** Editors add `$schema` to JSON files for completion; it is not a mistake. */
const IGNORED_KEYS: ReadonlySet<string> = new Set(['$schema']);

/** Reads `.optimus.json` in the project; absent is fine (no findings), anything wrong becomes a finding. */
export async function readOptimusConfig(projectDir: string): Promise<ConfigReading> {
  const file = path.join(projectDir, CONFIG_FILE);
  const reading = await readProjectText(file, CONFIG_FILE, 'config', MAX_CONFIG_BYTES);
  if (!reading.ok) return { config: {}, findings: reading.missing ? [] : [reading.finding] };
  const parsed = parseJsoncText(reading.text);
  if (!parsed.ok) return { config: {}, findings: [configFinding(file, `${CONFIG_FILE} is ${parsed.message}`, parsed.line, 'config/malformed')] };
  return validateOptimusConfig(parsed.value, file, reading.text);
}

/** Keeps the fields that are right and reports the rest; `text` (the file's source) gives findings their line. */
export function validateOptimusConfig(value: unknown, file: string, text = ''): ConfigReading {
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return { config: {}, findings: [configFinding(file, `${CONFIG_FILE} should hold an object like { "start": "npm run dev" }, but holds ${what}`, undefined, 'config/malformed')] };
  }
  const config: Record<string, unknown> = {};
  const findings: Finding[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (IGNORED_KEYS.has(key)) continue;
    const spec = Object.hasOwn(FIELDS, key) ? FIELDS[key as keyof OptimusConfig] : undefined;
    const problem = spec ? spec.check(field) : unknownKey(key);
    if (problem === undefined) config[key] = typeof field === 'string' ? field.trim() : field;
    else findings.push(configFinding(file, `${CONFIG_FILE}: "${key}"${spec ? ` (${spec.what})` : ''} ${problem}`, lineOfKey(text, key), spec ? 'config/wrong-type' : 'config/unknown-key'));
  }
  return { config: config as OptimusConfig, findings };
}

/** Why `command` cannot be a start or deploy command, or undefined when it can. */
export function commandProblem(command: string): string | undefined {
  if (command.trim() === '') return 'is empty';
  if (/[\r\n\0]/.test(command)) return 'must be one line (use && or a script to run several commands)';
  return command.length > MAX_COMMAND_CHARS ? `is ${command.length} characters long, over the ${MAX_COMMAND_CHARS} limit` : undefined;
}

function wrongType(value: unknown, expected: string): string {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return `should be ${expected}, but is ${actual}`;
}

function unknownKey(key: string): string {
  const known = Object.keys(FIELDS);
  const near = known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return `is not a known setting${near ? ` (did you mean "${near}"?)` : ''}; the known ones are ${known.join(', ')}`;
}

function configFinding(file: string, message: string, line: number | undefined, code: string): Finding {
  return { code, severity: 'warning', message, file, ...(line ? { line } : {}) };
}

function lineOfKey(text: string, key: string): number | undefined {
  const index = text.indexOf(JSON.stringify(key));
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The key every setting is stored under: the absolute path, as the scanner stores projects. */
export function settingsKey(projectPath: string): string {
  return path.resolve(projectPath);
}

/**
 * Saves (or with null, clears) the command that starts the project, overriding .optimus.json and detection.
 * Throws with a message for the user when the command cannot be one (empty, several lines, far too long).
 */
export async function setStartCommand(store: Store, projectPath: string, command: string | null): Promise<void> {
  const problem = command === null ? undefined : commandProblem(command);
  if (problem) throw new Error(`The start command ${problem}.`);
  await saveProjectSettings(store, settingsKey(projectPath), { startCommand: command === null ? null : command.trim() });
}

/** Saves (or with null, clears) the command that deploys the project, overriding .optimus.json and detection. */
export async function setDeployCommand(store: Store, projectPath: string, command: string | null): Promise<void> {
  const problem = command === null ? undefined : commandProblem(command);
  if (problem) throw new Error(`The deploy command ${problem}.`);
  await saveProjectSettings(store, settingsKey(projectPath), { deployCommand: command === null ? null : command.trim() });
}

/** Saves (or with null, clears) the .env profile used to start the project and shown by `optimus env`. */
export async function setEnvProfile(store: Store, projectPath: string, profile: string | null): Promise<void> {
  const problem = profile === null ? undefined : profileNameProblem(profile);
  if (problem) throw new Error(problem);
  await saveProjectSettings(store, settingsKey(projectPath), { envProfile: profile });
}

/** The stored settings; a store that cannot answer (a foreign database, ...) gives a finding, not a throw. */
export async function storedSettings(store: Store | null, projectPath: string): Promise<{ settings: ProjectSettings | null; findings: Finding[] }> {
  if (!store) return { settings: null, findings: [] };
  try {
    return { settings: await loadProjectSettings(store, settingsKey(projectPath)), findings: [] };
  } catch (error) {
    const message = `The saved settings of this project cannot be read (${errorMessage(error)}); the project's own files decide.`;
    return { settings: null, findings: [{ code: 'settings/unreadable', severity: 'warning', message, file: settingsKey(projectPath) }] };
  }
}

export type ProfileSource = 'argument' | 'settings' | typeof CONFIG_FILE | 'default';

export interface ResolvedProfile {
  profile: string;
  source: ProfileSource;
  findings: Finding[];
}

/** The profile asked for, else the one saved for the project, else `.optimus.json` `env`, else the default. */
export async function resolveEnvProfile(projectDir: string, store: Store | null, asked: string | undefined, fallback: string): Promise<ResolvedProfile> {
  const findings: Finding[] = [];
  if (asked !== undefined) {
    const problem = profileNameProblem(asked);
    if (!problem) return { profile: asked, source: 'argument', findings };
    findings.push({ code: 'env/bad-profile', severity: 'warning', message: `${problem}, so it was not used`, file: settingsKey(projectDir) });
  }
  const stored = await storedSettings(store, projectDir);
  findings.push(...stored.findings);
  if (stored.settings?.envProfile && !profileNameProblem(stored.settings.envProfile)) return { profile: stored.settings.envProfile, source: 'settings', findings };
  const config = await readOptimusConfig(projectDir);
  findings.push(...config.findings);
  if (config.config.env) return { profile: config.config.env, source: CONFIG_FILE, findings };
  return { profile: fallback, source: 'default', findings };
}
