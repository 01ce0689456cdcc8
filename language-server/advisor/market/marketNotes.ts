/**
 * The sentences the Advisor shows where a market figure is missing. Plain, one cause each, and never a
 * number that did not come from an answer. Only checked names go into them (a valid npm name, a GitHub
 * owner/repo): never the remote URL, which may carry credentials.
 */

export const NO_PACKAGE_NAME = 'No package name in package.json: npm download counts were not looked up.';
export const PRIVATE_PACKAGE = 'The package is private ("private": true in package.json): npm download counts were not looked up.';
export const INVALID_PACKAGE_NAME = 'The package name in package.json is not a valid npm name: npm download counts were not looked up.';
export const NO_REMOTE = 'No git remote: GitHub stars, forks and watchers were not looked up.';
export const NOT_GITHUB = 'The git remote is not a GitHub repository: stars, forks and watchers were not looked up.';
export const NPM_API_NOT_HTTP = 'npm download counts were not looked up: the npm API address is not an http(s) URL.';
export const GITHUB_API_NOT_HTTP = 'GitHub figures were not looked up: the GitHub API address is not an http(s) URL.';
export const CANCELLED = 'Looking up market signals was cancelled before every answer came in.';

export function npmUnknown(name: string): string {
  return `npm has no download counts for ${name}: it is not published on the public registry.`;
}

export function npmBad(name: string, reason: string): string {
  return `npm did not answer with download counts for ${name} (${reason}).`;
}

export function githubUnknown(repo: string): string {
  return `GitHub has no public repository ${repo} (404): it is private or does not exist, so there are no stars or forks to show.`;
}

export function githubBad(repo: string, reason: string): string {
  return `GitHub did not answer with repository figures for ${repo} (${reason}).`;
}

export function githubRateLimited(repo: string, until: number | null): string {
  const when = until === null ? ' (GitHub did not say until when)' : ` until ${isoSeconds(until)}`;
  return `GitHub's API rate limit is used up${when}: repository figures for ${repo} were not fetched.`;
}

/** One note for every host that could not be reached: `offline: api.npmjs.org unreachable (ENOTFOUND) …`. */
export function offline(hosts: ReadonlyMap<string, string>): string {
  const list = [...hosts].map(([host, reason]) => `${host} (${reason})`).join(' and ');
  return `offline: ${list} unreachable; no market figures from ${hosts.size === 1 ? 'it' : 'them'} this time.`;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
