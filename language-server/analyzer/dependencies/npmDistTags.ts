/**
 * One question to an npm registry: which version does the `latest` tag of a package point at. The answer is
 * treated as hostile until checked: size-capped while it streams in (net/httpGet), JSON, an object, a semver
 * `latest`.
 */
import { httpGet, parseJson } from '../../net/httpGet';
import { distTagsPath } from './npmPackageName';

export type DistTagsAnswer =
  | { kind: 'latest'; version: string }
  /** 404: unpublished, private to another registry, or never existed. */
  | { kind: 'unknown' }
  | { kind: 'malformed' }
  /** No usable answer from the registry at all (offline, DNS, timeout, HTTP error, cancelled). */
  | { kind: 'failed'; reason: string };

export interface DistTagsRequest {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A dist-tags document is a handful of short tags; anything near this size is not one. */
export const MAX_BODY_BYTES = 64 * 1024;

const SEMVER = /^\d{1,15}\.\d{1,15}\.\d{1,15}(?:-[0-9A-Za-z.-]{1,128})?(?:\+[0-9A-Za-z.-]{1,128})?$/;

/** Never throws: every failure is an answer. `registry` is a base URL as registryUrl returns it. */
export async function fetchDistTagsLatest(registry: string, name: string, request: DistTagsRequest): Promise<DistTagsAnswer> {
  const answer = await httpGet(`${registry}${distTagsPath(name)}`, { ...request, maxBytes: MAX_BODY_BYTES, headers: { accept: 'application/json' } });
  if (answer.kind === 'failed') return answer;
  if (answer.status === 404) return { kind: 'unknown' };
  if (answer.status < 200 || answer.status >= 300) return { kind: 'failed', reason: `HTTP ${answer.status}` };
  const version = answer.body === null ? null : latestOf(answer.body);
  return version === null ? { kind: 'malformed' } : { kind: 'latest', version };
}

function latestOf(body: string): string | null {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.hasOwn(parsed, 'latest')) return null;
  const latest: unknown = (parsed as { latest: unknown }).latest;
  return typeof latest === 'string' && isLatestVersion(latest) ? latest : null;
}

/** A full semver version, bounded in length: the text ends up in finding messages. */
export function isLatestVersion(text: string): boolean {
  return SEMVER.test(text);
}
