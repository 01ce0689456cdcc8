/**
 * One question to GitHub's REST API: `GET /repos/{owner}/{repo}`, for the public figures of a repository.
 * GitHub requires a User-Agent and recommends pinning the API version; without a token the limit is 60
 * requests an hour per address, so a used-up limit is an expected answer (403 or 429 with
 * `x-ratelimit-remaining: 0`), reported with the time it resets rather than as an error.
 */
import { httpGet } from '../../net/httpGet';
import type { GithubSignals } from './marketTypes';
import type { GithubRepoRef } from './githubRemote';
import { isGithubOwner, isGithubRepoName } from './githubRemote';
import type { MarketRequest, Unusable } from './marketAnswer';
import { answerObject, isCount, isRecord, MAX_ANSWER_BYTES } from './marketAnswer';

/** What is kept of an answer: GithubSignals without the time it was fetched. */
export type RepoFigures = Omit<GithubSignals, 'fetchedAt'>;

export type RepoAnswer =
  | { kind: 'repo'; figures: RepoFigures }
  /** 404: no such repository, or a private one (GitHub does not tell which without a token). */
  | { kind: 'unknown' }
  /** Epoch ms when asking makes sense again; null when GitHub did not say. */
  | { kind: 'rate-limited'; until: number | null }
  | Unusable;

export const GITHUB_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/vnd.github+json',
  'x-github-api-version': '2022-11-28',
  'user-agent': 'Optimus-VSCode-extension',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Never throws. `api` is a base URL without a trailing slash; `ref` as parseGithubRemote returns it. */
export async function fetchRepo(api: string, ref: GithubRepoRef, request: MarketRequest, now: number): Promise<RepoAnswer> {
  const url = `${api}/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
  const answer = await httpGet(url, { ...request, maxBytes: MAX_ANSWER_BYTES, headers: { ...GITHUB_HEADERS } });
  if (answer.kind === 'failed') return answer;
  if (answer.status === 404) return { kind: 'unknown' };
  const until = rateLimitUntil(answer.status, answer.headers, now);
  if (until !== undefined) return { kind: 'rate-limited', until };
  const object = answerObject(answer);
  if (object.kind !== 'object') return object;
  const figures = repoFiguresOf(object.object, ref);
  return figures ? { kind: 'repo', figures } : { kind: 'bad', reason: 'the answer was not a repository' };
}

/**
 * When a 403/429 is a rate limit: `x-ratelimit-remaining: 0` (primary limit, until `x-ratelimit-reset`, epoch
 * seconds) or a `retry-after` in seconds (secondary limit). undefined when the answer is no rate limit at all.
 */
export function rateLimitUntil(status: number, headers: Headers, now: number): number | null | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const reset = headers.get('x-ratelimit-reset')?.trim() ?? '';
  if (headers.get('x-ratelimit-remaining')?.trim() === '0') return /^\d{1,11}$/.test(reset) ? Number(reset) * 1000 : null;
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  if (/^\d{1,6}$/.test(retryAfter)) return now + Number(retryAfter) * 1000;
  return status === 429 ? null : undefined;
}

/** The figures of a repository answer for `ref` (renamed or moved repositories answer with a redirect). */
export function repoFiguresOf(answer: Record<string, unknown>, ref: GithubRepoRef): RepoFigures | null {
  const repo = answer.full_name;
  if (typeof repo !== 'string' || repo.toLowerCase() !== `${ref.owner}/${ref.repo}`.toLowerCase()) return null;
  return checkFigures({
    repo,
    url: answer.html_url,
    stars: answer.stargazers_count,
    forks: answer.forks_count,
    watchers: answer.subscribers_count,
    openIssues: answer.open_issues_count,
    // Absent reads as "not said"; present with another type makes the answer unusable.
    pushedAt: answer.pushed_at ?? null,
    archived: answer.archived ?? null,
  });
}

/** RepoFigures from a value of unknown shape (an answer mapped above, or the cache file), or null. */
export function checkFigures(value: unknown): RepoFigures | null {
  if (!isRecord(value)) return null;
  const { repo, url, stars, forks, watchers, openIssues, pushedAt, archived } = value;
  if (typeof repo !== 'string' || !isRepoPath(repo)) return null;
  // The page of this very repository, so a link in the UI cannot lead elsewhere.
  if (typeof url !== 'string' || url.toLowerCase() !== `https://github.com/${repo}`.toLowerCase()) return null;
  if (!isCount(stars) || !isCount(forks) || !isCount(watchers) || !isCount(openIssues)) return null;
  if (pushedAt !== null && (typeof pushedAt !== 'string' || !TIMESTAMP.test(pushedAt))) return null;
  if (archived !== null && typeof archived !== 'boolean') return null;
  return { repo, url, stars, forks, watchers, openIssues, pushedAt, archived };
}

function isRepoPath(text: string): boolean {
  const [owner, name, ...rest] = text.split('/');
  return rest.length === 0 && owner !== undefined && name !== undefined && isGithubOwner(owner) && isGithubRepoName(name);
}
