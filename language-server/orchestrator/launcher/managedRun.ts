import { spawn, type ChildProcess } from 'node:child_process';
import { OutputBuffer } from './outputBuffer';
import { spawnSpec } from './ptyCommand';

export interface RunPlan {
  projectPath: string;
  command: string;
  cwd: string;
  /** The full environment for the process (the server's own plus the project's .env profile). */
  env: NodeJS.ProcessEnv;
  size?: { columns: number; rows: number };
}

export interface RunExit {
  exitCode: number | null;
  signal: string | null;
  /** True when the run ended because Optimus stopped it. */
  stopped: boolean;
  at: string;
}

let nextId = 1;

/**
 * One command Optimus started for a project: a process group of its own (so stopping reaches every child
 * that did not leave the group), its output kept and streamed, its exit recorded.
 */
export class ManagedRun {
  readonly id = `run-${process.pid}-${nextId++}`;
  readonly startedAt = new Date().toISOString();
  readonly pty: boolean;
  private readonly child: ChildProcess;
  private readonly output = new OutputBuffer();
  private outputListeners: Array<(text: string) => void> = [];
  private exitValue: RunExit | null = null;
  private readonly exited: Promise<RunExit>;
  private stopping = false;

  constructor(readonly plan: RunPlan) {
    const spec = spawnSpec(plan.command, plan.size);
    this.pty = spec.pty;
    this.child = spawn(spec.file, spec.args, { cwd: plan.cwd, env: plan.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.setEncoding('utf8').on('data', (t: string) => this.emit(t));
    this.child.stderr?.setEncoding('utf8').on('data', (t: string) => this.emit(t));
    this.child.stdin?.on('error', () => undefined); // writing to a run that just ended is not an error worth raising
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => this.finish(resolve, null, null, `${error.message}\r\n`));
      this.child.once('exit', (code, signal) => this.finish(resolve, code, signal));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }
  get exit(): RunExit | null {
    return this.exitValue;
  }
  get running(): boolean {
    return this.exitValue === null;
  }
  /** Everything printed so far (up to the buffer's limit). */
  history(): string {
    return this.output.text();
  }
  whenExited(): Promise<RunExit> {
    return this.exited;
  }

  onOutput(listener: (text: string) => void): () => void {
    this.outputListeners.push(listener);
    return () => (this.outputListeners = this.outputListeners.filter((l) => l !== listener));
  }

  /** Keystrokes from the terminal. */
  write(data: string): void {
    if (this.running) this.child.stdin?.write(data);
  }

  /** SIGTERM to the whole group, then SIGKILL to what is left after `graceMs`. */
  async stop(graceMs = 5000): Promise<RunExit> {
    if (!this.running) return this.exitValue as RunExit;
    this.stopping = true;
    this.signalGroup('SIGTERM');
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    this.signalGroup('SIGKILL'); // children that outlived the group leader
    return exit;
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  }

  private emit(text: string): void {
    this.output.push(text);
    for (const listener of this.outputListeners) listener(text);
  }

  private finish(resolve: (exit: RunExit) => void, exitCode: number | null, signal: NodeJS.Signals | null, message?: string): void {
    if (this.exitValue) return;
    if (message) this.emit(message);
    this.exitValue = { exitCode, signal, stopped: this.stopping, at: new Date().toISOString() };
    resolve(this.exitValue);
  }
}
