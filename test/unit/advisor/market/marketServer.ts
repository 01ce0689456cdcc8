/**
 * A loopback HTTP server that stands in for api.npmjs.org and api.github.com, which this machine cannot
 * reach. It replays the answers in test/fixtures/market (recorded by other projects, or modelled on the
 * services' documented format: see the README there) and remembers every request it got.
 */
import { readdir, readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import type { Handler, RegistryStub } from '../../analyzer/dependencies/registryStub';
import { startRegistry } from '../../analyzer/dependencies/registryStub';

export const MARKET_FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'market');

/** One answer as the fixture files keep it. */
export interface RecordedAnswer {
  request: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface MarketStub extends RegistryStub {
  /** The headers of each request, in order. */
  headers: http.IncomingHttpHeaders[];
}

export type { Handler };

export async function recordedAnswer(file: string): Promise<RecordedAnswer> {
  return JSON.parse(await readFile(path.join(MARKET_FIXTURES, file), 'utf8')) as RecordedAnswer;
}

export async function startMarketServer(handler: Handler): Promise<MarketStub> {
  const headers: http.IncomingHttpHeaders[] = [];
  const stub = await startRegistry((request, response) => {
    headers.push(request.headers);
    handler(request, response);
  });
  return { ...stub, headers };
}

/**
 * `serve(handler)` starts a server for the current test; every server started so is closed after it, so a
 * test may start several (one for npm, one for GitHub, one per hostile body).
 */
export function useMarketServers(): (handler: Handler) => Promise<MarketStub> {
  const started: MarketStub[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((stub) => stub.close()));
  });
  return async (handler) => {
    const stub = await startMarketServer(handler);
    started.push(stub);
    return stub;
  };
}

/** Sends a recorded answer, with its recorded headers (npm's content type where none was recorded). */
export function send(response: http.ServerResponse, answer: RecordedAnswer): void {
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers }).end(answer.body);
}

/**
 * Replays every fixture under npm/ and github/ by request path (percent-decoded, so `@types%2Fnode` and
 * `@types/node` are one package; GitHub paths case-insensitively, as GitHub treats names). An npm package
 * without a fixture gets npm's 404 (the recorded not-found body with the name asked for); a repository
 * without one gets GitHub's recorded 404.
 */
export async function replayFixtures(): Promise<Handler> {
  const answers = new Map<string, RecordedAnswer>();
  for (const folder of ['npm', 'github']) {
    for (const file of await readdir(path.join(MARKET_FIXTURES, folder))) {
      const answer = await recordedAnswer(path.join(folder, file));
      answers.set(keyOf(answer.request.replace(/^GET /, '')), answer);
    }
  }
  const npmNotFound = await recordedAnswer('npm/not-found-scoped.json');
  const githubNotFound = await recordedAnswer('github/not-found.json');
  return (request, response) => {
    const url = request.url ?? '';
    const answer = answers.get(keyOf(url));
    if (answer && answer.status === 200) return send(response, answer);
    const npm = /^\/downloads\/point\/[^/]+\/(.+)$/.exec(decodeURIComponent(url));
    if (npm) return send(response, { ...npmNotFound, body: JSON.stringify({ error: `package ${npm[1]} not found` }) });
    send(response, githubNotFound);
  };
}

function keyOf(requestPath: string): string {
  const decoded = decodeURIComponent(requestPath);
  return decoded.startsWith('/repos/') ? decoded.toLowerCase() : decoded;
}
