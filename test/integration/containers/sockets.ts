import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { waitFor } from './podman';

export interface Closable {
  close(): Promise<void>;
}

function trackSockets(server: net.Server): () => Promise<void> {
  const open = new Set<net.Socket>();
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    });
}

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
}

const REQUEST_LINE = /(?:^|\n)(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r\n/g;

/**
 * A unix-socket proxy in front of the engine that writes down every HTTP request passing through, so a test can
 * count what the code under test asks of the engine (and see that nothing polls). `cut()` drops every open
 * connection, as an engine going away does.
 */
export async function countingProxy(target: string, socketPath: string): Promise<Closable & { requests: string[]; cut(): void }> {
  const requests: string[] = [];
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.on('data', (chunk) => {
      for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) requests.push(`${m[1]} ${m[2]!.replace(/^\/v[\d.]+/, '')}`);
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  const close = trackSockets(server);
  await listen(server, socketPath);
  const cut = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
  };
  return { requests, cut, close: async () => { cut(); await close(); } };
}

/** A socket that accepts connections and never says a word: a hung engine. */
export async function silentSocket(socketPath: string): Promise<Closable> {
  const server = net.createServer(() => {});
  const close = trackSockets(server);
  await listen(server, socketPath);
  return { close };
}

/** A socket whose listener is no web server: it writes a line and hangs up. */
export async function chattySocket(socketPath: string): Promise<Closable> {
  const server = net.createServer((socket) => socket.end('SSH-2.0-not-an-engine\r\n'));
  const close = trackSockets(server);
  await listen(server, socketPath);
  return { close };
}

/** A web server on a socket that is not an engine: everything is 404. */
export async function httpSocket(socketPath: string): Promise<Closable> {
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end('not found');
  });
  const close = trackSockets(server);
  await listen(server, socketPath);
  return { close };
}

/** A socket file nobody listens on any more (its server was killed), as a crashed engine leaves behind. */
export async function staleSocket(socketPath: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)})`], { stdio: 'ignore' });
  await waitFor('the listener to make its socket', () => existsSync(socketPath));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
