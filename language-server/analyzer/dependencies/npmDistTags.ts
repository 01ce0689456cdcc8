/**
 * One question to an npm registry: which version does the `latest` tag of a package point at. The answer is
 * treated as hostile until checked: size-capped while it streams in, JSON, an object, a semver `latest`.
 */
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
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    // Redirects are not followed: a registry answers dist-tags itself, and a redirect could lead anywhere.
    const response = await fetch(`${registry}${distTagsPath(name)}`, { signal, redirect: 'manual', headers: { accept: 'application/json' } });
    if (response.status === 404) return discard(response, { kind: 'unknown' });
    if (!response.ok) return discard(response, { kind: 'failed', reason: `HTTP ${response.status}` });
    const body = await readCapped(response, MAX_BODY_BYTES);
    const version = body === null ? null : latestOf(body);
    return version === null ? { kind: 'malformed' } : { kind: 'latest', version };
  } catch (error) {
    return { kind: 'failed', reason: failureReason(error, request.signal) };
  }
}

async function discard(response: Response, answer: DistTagsAnswer): Promise<DistTagsAnswer> {
  await response.body?.cancel().catch(() => undefined);
  return answer;
}

/** The body as text, or null once it passes `max` bytes (after decompression, so a zip bomb stops early too). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function latestOf(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.hasOwn(parsed, 'latest')) return null;
  const latest: unknown = (parsed as { latest: unknown }).latest;
  return typeof latest === 'string' && isLatestVersion(latest) ? latest : null;
}

/** A full semver version, bounded in length: the text ends up in finding messages. */
export function isLatestVersion(text: string): boolean {
  return SEMVER.test(text);
}

/** A short, fixed-vocabulary reason: error messages could quote a URL, and a URL could carry credentials. */
function failureReason(error: unknown, callerSignal: AbortSignal | undefined): string {
  if (callerSignal?.aborted) return 'cancelled';
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : 'network error';
}
