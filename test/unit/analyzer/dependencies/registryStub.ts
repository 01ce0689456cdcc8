import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FIXTURES } from './helpers';

/** A registry answer as record.ts saved it. */
export interface RecordedResponse {
  request: string;
  status: number;
  contentType: string | null;
  body: string;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A loopback HTTP server standing in for the npm registry; `requests` holds each raw request path. */
export interface RegistryStub {
  url: string;
  requests: string[];
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

export const DIST_TAGS = path.join(FIXTURES, 'npm-dist-tags');

/** The recorded answers by request path (`/-/package/lodash/dist-tags`). */
export async function recordedResponses(): Promise<Map<string, RecordedResponse>> {
  const files = (await readdir(DIST_TAGS)).filter((f) => f.endsWith('.json'));
  const recorded = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(DIST_TAGS, f), 'utf8')) as RecordedResponse));
  return new Map(recorded.map((r) => [r.request.replace(/^GET /, ''), r]));
}

/** Serves the recorded answers; any other path gets what the registry gives an unknown package (404, empty). */
export function replay(recorded: Map<string, RecordedResponse>): Handler {
  return (request, response) => {
    const answer = recorded.get(request.url ?? '');
    if (!answer) return void response.writeHead(404).end();
    response.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {}).end(answer.body);
  };
}

export async function startRegistry(handler: Handler): Promise<RegistryStub> {
  const requests: string[] = [];
  const inFlight = { now: 0, max: 0 };
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    inFlight.max = Math.max(inFlight.max, ++inFlight.now);
    response.on('close', () => inFlight.now--);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    // Handlers that never answer leave sockets open; close() alone would wait for them forever.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}`, requests, inFlight, close };
}
