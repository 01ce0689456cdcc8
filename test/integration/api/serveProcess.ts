import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO } from '../helpers/cli';

export interface Served {
  child: ChildProcess;
  port: number;
  ready: { url: string; port: number; pid: number; projects: number };
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM, then the exit code (or the signal's name). */
  stop: () => Promise<number | string>;
}

/**
 * `optimus serve --port 0 --json` from dist/ (the bundle users get), as a real child process: resolves once
 * it printed its one JSON document (it is listening then), rejects if it exits first or takes too long.
 */
export function startServe(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Served> {
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'optimus.js'), 'serve', '--port', '0', '--json', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`optimus serve was not ready after ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      let ready: Served['ready'];
      try {
        ready = JSON.parse(out) as Served['ready'];
      } catch {
        return; // not all of it yet
      }
      clearTimeout(timer);
      resolve({
        child, port: ready.port, ready, stdout: () => out, stderr: () => err,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`optimus serve exited (${code}) before it was ready: ${err}`));
    });
  });
}
