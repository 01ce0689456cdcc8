/**
 * Processes the CLI tests start through `optimus start`: they are detached (their own session, parented to init
 * once the CLI exits), so they are found by their working folder in /proc and killed by it after each test,
 * whatever happened.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Live (not zombie) processes whose working folder is `dir` or below it. */
// Shared with the runtime tests: one way to wait, and one meaning of "running" (a zombie is not).
import { isRunning } from '../runtime/processes';
export { isRunning, sleep, waitFor } from '../runtime/processes';

export function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const cwd = readOrNull(() => readlinkSync(`/proc/${pid}/cwd`));
    if (cwd && (cwd === dir || cwd.startsWith(dir + path.sep)) && isRunning(pid)) pids.push(pid);
  }
  return pids;
}

/** The process group of a pid, from /proc (field 5 of stat). */
export function processGroup(pid: number): number | null {
  const stat = readOrNull(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[2] === undefined ? null : Number(fields[2]);
}

export function killAllIn(dir: string): void {
  for (const pid of processesIn(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** A port nothing listens on right now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function readOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Listens on $PORT and prints it; what `optimus start` runs in the tests. */
export const SERVER_JS = `
const http = require('http');
const server = http.createServer((req, res) => res.end('ok'));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + server.address().port));
`;
