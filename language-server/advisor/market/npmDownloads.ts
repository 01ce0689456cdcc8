/**
 * One question to npm's download-count API: how often was a package downloaded in the last week or month
 * (`GET /downloads/point/{period}/{package}`, answered `{"downloads":N,"start":"…","end":"…","package":"…"}`).
 * The answer is checked before a number is taken from it: a whole non-negative `downloads`, dates where dates
 * belong, and the package that was asked about.
 */
import { isNpmPackageName } from '../../analyzer/dependencies/npmPackageName';
import { httpGet } from '../../net/httpGet';
import type { MarketRequest, Unusable } from './marketAnswer';
import { answerObject, isCount, MAX_ANSWER_BYTES } from './marketAnswer';

export type DownloadPeriod = 'last-week' | 'last-month';

export type DownloadsAnswer =
  | { kind: 'downloads'; downloads: number }
  /** 404: npm counts no downloads for that name (never published, or only on another registry). */
  | { kind: 'unknown' }
  | Unusable;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The request path, a scope's slash encoded (`@types%2Fnode`) so the name stays one path segment. Only for
 * names isNpmPackageName accepts, which are URL-safe apart from that slash.
 */
export function downloadsPath(period: DownloadPeriod, name: string): string {
  const encoded = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
  return `/downloads/point/${period}/${encoded}`;
}

/** Never throws. `api` is a base URL without a trailing slash. */
export async function fetchDownloads(api: string, period: DownloadPeriod, name: string, request: MarketRequest): Promise<DownloadsAnswer> {
  if (!isNpmPackageName(name)) return { kind: 'bad', reason: 'not a valid npm package name' };
  const answer = await httpGet(`${api}${downloadsPath(period, name)}`, { ...request, maxBytes: MAX_ANSWER_BYTES, headers: { accept: 'application/json' } });
  if (answer.kind === 'failed') return answer;
  if (answer.status === 404) return { kind: 'unknown' };
  const object = answerObject(answer);
  if (object.kind !== 'object') return object;
  const downloads = downloadsOf(object.object, name);
  return downloads === null ? { kind: 'bad', reason: 'the answer was not a download count for it' } : { kind: 'downloads', downloads };
}

/** The count from a point answer for `name`, or null when the object is not one. */
export function downloadsOf(answer: Record<string, unknown>, name: string): number | null {
  const { downloads, start, end } = answer;
  if (answer.package !== name || typeof start !== 'string' || !DATE.test(start) || typeof end !== 'string' || !DATE.test(end)) return null;
  return isCount(downloads) ? downloads : null;
}
