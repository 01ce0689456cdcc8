/**
 * Load for the API benchmark: autocannon (a devDependency) driving one URL, every response's latency kept so
 * p95 is exact (autocannon's own summary has p90 and p97.5, not p95); and the floor, a bare node:http server
 * in its own process answering a fixed body with nothing else done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

interface AutocannonResult {
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (opts: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

// autocannon ships no types; this is the part of its API used here.
const autocannon = require('autocannon') as Autocannon;

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
}

export function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const instance = autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers ?? {}, timeout: 10 }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
      resolve({
        requests: result.requests.total, perSecond: result.requests.average, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies.at(-1) ?? NaN,
        errors: result.errors + result.timeouts, non2xx: result.non2xx, statuses,
      });
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

const FLOOR_JS = `
const http = require('http');
const body = require('fs').readFileSync(process.argv[1]);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => console.log('READY ' + server.address().port));
`;

/** The floor server with `body` as its only answer; resolves with its port once it listens. */
export function startFloor(body: string, dir: string): Promise<{ child: ChildProcess; port: number }> {
  const file = path.join(dir, 'floor-body.json');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', FLOOR_JS, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const port = /READY (\d+)/.exec(out)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.once('exit', (code) => reject(new Error(`the floor server exited (${code})`)));
  });
}
