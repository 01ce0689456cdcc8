import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './apiError';

/** No route takes more: error texts to diagnose are the largest bodies, and 64 KB of one is plenty. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request's JSON body, or undefined when it has none. Refused before reading when Content-Length says
 * it is too large, and as soon as the bytes read pass the limit when it does not (chunked); what is past the
 * limit is read and dropped, so the client still gets the 413 rather than a reset connection.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(req, limit);
  const text = await readText(req, limit);
  if (text.trim() === '') return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON, with `Content-Type: application/json`.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function readText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume(); // drain and drop the rest
      reject(tooLarge(req, limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('aborted', () => reject(new ApiError(400, 'aborted', 'The request was aborted before its body arrived.')));
  });
}

function tooLarge(req: IncomingMessage, limit: number): ApiError {
  req.resume();
  return new ApiError(413, 'payload_too_large', `The body is over ${limit / 1024} KB, the most this API reads.`, { Connection: 'close' });
}
