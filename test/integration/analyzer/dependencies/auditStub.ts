/**
 * A loopback stand-in for the npm registry's audit endpoint: answers the bulk advisory POST from a given table
 * and passes every other request (packuments, which npm needs to work out fixes) through to the real registry.
 * Lets the real npm produce a full report where the network refuses the audit endpoint itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface AuditStub {
  /** Registry URL to give npm, ending in `/`. */
  url: string;
  /** The bodies npm posted: package name → versions. */
  requests: Record<string, string[]>[];
  close(): Promise<void>;
}

const UPSTREAM = 'https://registry.npmjs.org';
const BULK = '/-/npm/v1/security/advisories/bulk';

export async function startAuditStub(advisories: Record<string, unknown[]>): Promise<AuditStub> {
  const requests: Record<string, string[]>[] = [];
  const server = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => {
      answer(req, Buffer.concat(body), advisories, requests)
        .then(({ status, type, data }) => res.writeHead(status, { 'content-type': type }).end(data))
        .catch((error: unknown) => res.writeHead(502).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function answer(req: http.IncomingMessage, raw: Buffer, advisories: Record<string, unknown[]>, requests: Record<string, string[]>[]): Promise<{ status: number; type: string; data: Buffer | string }> {
  if (req.method === 'POST' && req.url?.startsWith(BULK)) {
    const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    const asked = JSON.parse(text) as Record<string, string[]>;
    requests.push(asked);
    const reply = Object.fromEntries(Object.keys(asked).filter((name) => advisories[name]).map((name) => [name, advisories[name]]));
    return { status: 200, type: 'application/json', data: JSON.stringify(reply) };
  }
  const upstream = await fetch(UPSTREAM + (req.url ?? '/'), { headers: { accept: String(req.headers.accept ?? 'application/json') }, signal: AbortSignal.timeout(20_000) });
  return { status: upstream.status, type: upstream.headers.get('content-type') ?? 'application/json', data: Buffer.from(await upstream.arrayBuffer()) };
}
