/** The profile used when none is chosen: what `npm run dev` and friends load. */
export const DEFAULT_PROFILE = 'development';

export const KNOWN_PROFILES: readonly string[] = ['development', 'production', 'test', 'staging'];

/** Files that document the keys a project needs, with placeholder values; the first present is the example. */
export const EXAMPLE_FILES: readonly string[] = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/** `.env`, `.env.local`, `.env.production.local`, `.env.example`; not `.envrc` (direnv, a shell script). */
const ENV_FILE = /^\.env(?:\.[A-Za-z0-9_-]+)*$/;
const EXAMPLE_PART = /\.(?:example|sample|template|dist)(?:\.|$)/;
/** Words that are a part of a file name rather than a profile (`.env.local`, `.env.example`). */
const NOT_PROFILES: ReadonlySet<string> = new Set(['local', 'example', 'sample', 'template', 'dist']);

/**
 * The files of `profile`, in load order (later wins), as Vite and dotenv-flow load them. `test` leaves out
 * `.env.local`: a machine's local overrides must not change what the tests see.
 */
export function profileFiles(profile: string): string[] {
  const local = profile === 'test' ? [] : ['.env.local'];
  return ['.env', ...local, `.env.${profile}`, `.env.${profile}.local`];
}

export function isEnvFileName(name: string): boolean {
  return ENV_FILE.test(name);
}

export function isExampleFileName(name: string): boolean {
  return EXAMPLE_PART.test(name);
}

/** Why `name` cannot be a profile, or undefined when it can. Profiles become file names, so they are kept plain. */
export function profileNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(name)) {
    return `"${name.slice(0, 60)}" is not a profile name: use letters, digits, "-" and "_" (up to 40), like ${KNOWN_PROFILES.join(', ')}`;
  }
  return NOT_PROFILES.has(name) ? `"${name}" is part of a .env file name, not a profile` : undefined;
}

/** The profiles the files in a folder suggest (`.env.staging` → staging), plus the usual ones. */
export function profilesIn(names: readonly string[]): string[] {
  const found = names.filter(isEnvFileName).map((n) => n.split('.')[2]).filter((p): p is string => p !== undefined && profileNameProblem(p) === undefined);
  return [...new Set([...KNOWN_PROFILES, ...found.sort()])];
}
