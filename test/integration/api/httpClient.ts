import http from 'node:http';
import net from 'node:net';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export interface Call {
  method?: string;
  /** Sent as is (no normalisation of `..`), as a hostile client would. */
  path: string;
  token?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
}

/** One request to 127.0.0.1:port with node's http client; the answer whole. */
export function call(port: number, c: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const raw = c.body === undefined ? undefined : typeof c.body === 'string' || Buffer.isBuffer(c.body) ? c.body : JSON.stringify(c.body);
    const headers: Record<string, string> = {
      ...(c.token ? { Authorization: `Bearer ${c.token}` } : {}),
      ...(raw !== undefined && !Buffer.isBuffer(raw) && typeof c.body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
      ...(c.headers ?? {}),
    };
    const req = http.request({ host: '127.0.0.1', port, method: c.method ?? 'GET', path: c.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (raw !== undefined) req.write(raw);
    req.end();
  });
}

/** The error code of a JSON error answer (`{"error":{"code"}}`). */
export function errorCode(a: Answer): string | undefined {
  return (a.json as { error?: { code?: string } } | undefined)?.error?.code;
}

/**
 * A client that sends a request's head one byte at a time, `gapMs` apart, and never finishes: resolves with
 * what the server wrote back and how long it took the server to close the connection.
 */
export function slowHeaders(port: number, gapMs: number, maxMs: number): Promise<{ closedAfterMs: number; received: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    const head = `GET /api/v1/projects HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Padding: ${'a'.repeat(10_000)}\r\n`;
    let at = 0;
    let received = '';
    const timer = setInterval(() => {
      if (socket.writable && at < head.length) socket.write(head[at++] as string);
    }, gapMs);
    const give = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error(`the server kept a slow client for more than ${maxMs} ms`));
    }, maxMs);
    socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(give);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
  });
}

/** A body sent with chunked encoding (no Content-Length), `size` bytes of `{"text":"xxx...`. */
export function chunkedBody(port: number, path: string, token: string, size: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: JSON.parse(text) as unknown });
      });
    });
    req.on('error', reject);
    const piece = Buffer.alloc(16 * 1024, 'x');
    req.write('{"text":"');
    for (let sent = 0; sent < size; sent += piece.length) req.write(piece);
    req.end('"}');
  });
}
