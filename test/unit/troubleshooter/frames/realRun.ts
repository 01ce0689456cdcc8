// Helpers for tests that run a real program and read the stack trace it prints.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** True when `name` is an executable on PATH, so a test can run it or say why it is skipped. */
export function hasTool(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, name)));
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 50_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like run, but a non-zero exit is the point: the test wants the trace the program died with. */
export function crash(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): string {
  const result = run(command, args, cwd, env);
  if (result.status === 0) throw new Error(`${command} ${args.join(' ')} was expected to fail:\n${result.stdout}`);
  return result.stderr;
}

/** Asserts a build step worked, showing its output when it did not. */
export function build(command: string, args: readonly string[], cwd: string): void {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
}

export function makeTempDir(prefix: string): string {
  // Runtimes print resolved paths; a symlinked tmpdir (macOS /var -> /private/var) would not match otherwise.
  return realpathSync(mkdtempSync(join(tmpdir(), `optimus-frames-${prefix}-`)));
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Title suffix for a case that needs a tool: says why it is skipped on a machine without it. */
export function needs(tool: string): string {
  return hasTool(tool) ? `(real ${tool})` : `(skipped: ${tool} is not installed on this machine)`;
}
