import path from 'node:path';
import type { Finding } from '../../model';
import { maskSecret } from '../../store/auditLog';
import type { Store } from '../../store/store';
import type { ProfileSource } from '../projectSettings';
import { resolveEnvProfile } from '../projectSettings';
import type { EnvFile } from './envFiles';
import { listEnvFiles, readEnvFiles } from './envFiles';
import { DEFAULT_PROFILE, EXAMPLE_FILES, isExampleFileName, profileFiles, profilesIn } from './profiles';

export interface MaskedKey {
  key: string;
  /** `maskSecret` of the value: at most its first 4 characters and `****`; empty stays empty. */
  value: string;
  line: number;
}

export type EnvFileRole = 'active' | 'example' | 'inactive';

export interface MaskedEnvFile {
  /** Absolute path. */
  path: string;
  name: string;
  /** `active`: loaded by the profile; `example`: the list of keys the project needs; `inactive`: another profile's. */
  role: EnvFileRole;
  keys: MaskedKey[];
}

/** What `optimus env PATH --json` prints. Holds no real value: safe to log, send to a webview or store. */
export interface EnvView {
  profile: string;
  /** Profiles to choose from: the usual ones and those the project's files suggest. */
  profiles: string[];
  profileSource: ProfileSource;
  files: MaskedEnvFile[];
  /** Absolute path of the example file; null when the project has none (then `missing` and `extra` are empty). */
  example: string | null;
  /** Keys in the example that none of the profile's files set. */
  missing: string[];
  /** Keys the profile's files set that the example does not list. */
  extra: string[];
  findings: Finding[];
}

export interface EnvViewOptions {
  /** A profile to show instead of the saved one. */
  profile?: string;
  /** Where the chosen profile is saved; null or absent reads `.optimus.json` and the default only. */
  store?: Store | null;
}

/** The project's .env files with masked values, and how the active profile compares with the example. */
export async function envView(projectDir: string, options: EnvViewOptions = {}): Promise<EnvView> {
  const dir = path.resolve(projectDir);
  const resolved = await resolveEnvProfile(dir, options.store ?? null, options.profile, DEFAULT_PROFILE);
  const listing = await listEnvFiles(dir);
  const active = profileFiles(resolved.profile).filter((n) => listing.names.includes(n));
  const exampleName = EXAMPLE_FILES.find((n) => listing.names.includes(n)) ?? listing.names.find(isExampleFileName);
  const files = await readEnvFiles(dir, ordered(listing.names, active, exampleName));
  const activeKeys = keysOf(files.filter((f) => active.includes(f.name)));
  const exampleFile = files.find((f) => f.name === exampleName);
  const exampleKeys = exampleFile ? keysOf([exampleFile]) : null;
  return {
    profile: resolved.profile,
    profiles: profilesIn(listing.names),
    profileSource: resolved.source,
    files: files.map((f) => masked(f, roleOf(f.name, active, exampleName))),
    example: exampleFile?.path ?? null,
    missing: exampleKeys ? [...exampleKeys].filter((k) => !activeKeys.has(k)) : [],
    extra: exampleKeys ? [...activeKeys].filter((k) => !exampleKeys.has(k)) : [],
    findings: [...resolved.findings, ...listing.findings, ...files.flatMap((f) => f.findings)],
  };
}

/** The profile's files in load order, then the example, then the rest. */
function ordered(names: readonly string[], active: readonly string[], example: string | undefined): string[] {
  const rest = names.filter((n) => !active.includes(n) && n !== example);
  return [...active, ...(example ? [example] : []), ...rest];
}

function roleOf(name: string, active: readonly string[], example: string | undefined): EnvFileRole {
  return active.includes(name) ? 'active' : name === example ? 'example' : 'inactive';
}

function keysOf(files: readonly EnvFile[]): Set<string> {
  return new Set(files.flatMap((f) => (f.entries ?? []).map((e) => e.key)));
}

/** The one place a file's values are turned into what may be shown. */
function masked(file: EnvFile, role: EnvFileRole): MaskedEnvFile {
  const keys = (file.entries ?? []).map((e) => ({ key: e.key, value: maskSecret(e.value), line: e.line }));
  return { path: file.path, name: file.name, role, keys };
}
