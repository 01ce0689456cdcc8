/**
 * Which GitHub repository a git remote URL names, if any. The URL comes from `.git/config`, which anyone could
 * have written, and its parts end up in an API URL: so only the usual remote spellings are understood, the
 * host must be github.com itself, and owner and name must fit GitHub's own character sets. Anything else is
 * null. Parsed with regular expressions rather than `new URL`, which would resolve `%2e%2e` into `..`.
 */

export interface GithubRepoRef {
  owner: string;
  repo: string;
}

/** Remotes are short; a long one is not worth looking at. */
const MAX_URL_LENGTH = 2048;

/**
 * `https://github.com/o/r`, `http://…` (credentials before the host are ignored, a port is allowed),
 * `git@github.com:o/r` and `ssh://git@github.com/o/r`; each with or without `.git` and one trailing slash.
 */
const FORMS = [
  /^https?:\/\/(?:[^@/\s]+@)?github\.com(?::\d{1,5})?\/([^/\s]+)\/([^/\s]+?)\/?$/i,
  /^git@github\.com:\/?([^/\s]+)\/([^/\s]+?)\/?$/i,
  /^ssh:\/\/git@github\.com(?::\d{1,5})?\/([^/\s]+)\/([^/\s]+?)\/?$/i,
];

/** Users and organisations: letters, digits and hyphens, not starting with a hyphen, at most 39. */
const OWNER = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
/** Repositories: letters, digits, `.`, `_`, `-`, at most 100; `.` and `..` are not names. */
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export function parseGithubRemote(url: string): GithubRepoRef | null {
  const text = url.trim();
  if (text.length > MAX_URL_LENGTH) return null;
  for (const form of FORMS) {
    const match = form.exec(text);
    if (!match) continue;
    const owner = match[1] ?? '';
    const repo = (match[2] ?? '').replace(/\.git$/i, '');
    return isGithubOwner(owner) && isGithubRepoName(repo) ? { owner, repo } : null;
  }
  return null;
}

export function isGithubOwner(text: string): boolean {
  return OWNER.test(text);
}

export function isGithubRepoName(text: string): boolean {
  return REPO.test(text) && text !== '.' && text !== '..';
}
