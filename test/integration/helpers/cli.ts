import { execFile } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
const BIN = path.join(REPO, 'dist', 'optimus.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`dist/optimus.js`, what `npm install -g` would put on PATH) with a private OPTIMUS_HOME. */
export function optimus(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Builds dist/ once per test run, so the CLI under test is the bundle users get. */
export async function buildOnce(): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO }, (error, _out, stderr) => (error ? reject(new Error(stderr)) : resolve())),
  );
}
