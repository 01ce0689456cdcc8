/**
 * What npm's and GitHub's answers have in common before their own fields are read: a 2xx status, at most
 * 1 MB, JSON, an object. An answer that fails one of these is `bad`, with a short reason for the note; a
 * request that got no answer at all is `failed` (the network, see net/httpGet).
 */
import type { HttpAnswer } from '../../net/httpGet';
import { parseJson } from '../../net/httpGet';

/** Both answers are a few KB; a megabyte is far past anything genuine. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export interface MarketRequest {
  timeoutMs: number;
  signal?: AbortSignal;
}

export type Unusable =
  /** The service answered, but not with something a number can be taken from. */
  | { kind: 'bad'; reason: string }
  /** No answer: DNS, refused, timeout (the host is unreachable), or `cancelled`. */
  | { kind: 'failed'; reason: string };

/** The answer's JSON object (wrapped, so its own `kind` key can never pass for ours), or why there is none. */
export function answerObject(answer: Extract<HttpAnswer, { kind: 'answered' }>): { kind: 'object'; object: Record<string, unknown> } | Unusable {
  if (answer.status < 200 || answer.status >= 300) return { kind: 'bad', reason: `HTTP ${answer.status}` };
  if (answer.tooLarge) return { kind: 'bad', reason: 'the answer was larger than 1 MB' };
  const parsed = parseJson(answer.body ?? '');
  if (parsed === undefined) return { kind: 'bad', reason: 'the answer was not JSON' };
  return isRecord(parsed) ? { kind: 'object', object: parsed } : { kind: 'bad', reason: 'the answer was not a JSON object' };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A count as GitHub and npm give them: a whole number from 0 up, small enough to be exact. */
export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
