import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { LintRunner } from '../lintRunner';
import type { LintInput, LintOptions, LintReport } from '../lintTypes';
import type { TypeCheckOptions, TypeReport } from '../typeDiagnostics';
import { isHostResponse, type HostRequest, type HostResponse } from './lintHostProtocol';

export interface LintHostOptions {
  /** The host ends after this long without work; the next request starts a new one (~0.6 s to load ESLint). */
  idleMs?: number;
  /** Passed to the host as --max-old-space-size (MB): V8 then collects sooner instead of growing. */
  maxOldSpaceMb?: number;
}

interface Pending {
  /** A host stopped for idling may exit after its successor took requests: only its own ones fail. */
  child: ChildProcess;
  resolve: (response: HostResponse) => void;
  reject: (error: unknown) => void;
}

type Outgoing = HostRequest extends infer R ? (R extends { op: 'cancel' } ? never : Omit<R, 'id'>) : never;

const DEFAULT_IDLE_MS = 3 * 60_000;
const DEFAULT_MAX_OLD_SPACE_MB = 512;

/**
 * Runs ESLint and TypeScript's type checks in a child process for the language server. Measured in the
 * server itself, linting 100k lines took its peak RSS from ~230 to ~510 MB, most of it garbage V8 keeps for a
 * while, and its type checks and ESLint's config loading run synchronously for up to seconds. In a separate
 * process that memory goes back to the system when the host idles out, and the server keeps answering.
 * A host that dies (crash, out of memory, killed) fails its requests with a clear error and is started again
 * on the next one.
 */
export class LintHost implements LintRunner {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly options: LintHostOptions = {}) {}

  async lint(projectDir: string, inputs: readonly LintInput[], options: LintOptions): Promise<LintReport> {
    const { signal, ...wire } = options;
    const response = await this.request({ op: 'lint', projectDir, inputs: [...inputs], options: wire }, signal);
    if (response.ok && response.op === 'lint') return response.report;
    throw new Error('The lint process answered a lint request with something else');
  }

  async types(tsconfigPath: string, files: readonly string[] | undefined, options: TypeCheckOptions): Promise<TypeReport> {
    const { signal, ...wire } = options;
    const response = await this.request({ op: 'types', tsconfigPath, files: files ? [...files] : null, options: wire }, signal);
    if (response.ok && response.op === 'types') return response.report;
    throw new Error('The lint process answered a type-check request with something else');
  }

  /** The host's pid while it runs (benchmarks measure its memory). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private request(message: Outgoing, signal: AbortSignal | undefined): Promise<HostResponse> {
    signal?.throwIfAborted();
    if (this.disposed) return Promise.reject(new Error('The lint process was shut down'));
    const child = this.ensureChild();
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise<HostResponse>((resolve, reject) => {
      const onAbort = (): void => {
        child.send({ id, op: 'cancel' } satisfies HostRequest, () => undefined);
        this.settle(id);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        child,
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
      child.send({ ...message, id } as HostRequest, (error) => {
        if (error && this.settle(id)) reject(new Error(`Could not reach the lint process: ${error.message}`));
      });
    }).then((response) => {
      if (!response.ok) throw new Error(response.message);
      return response;
    });
  }

  /** Forgets a request; true if it was still waiting. Starts the idle clock when nothing is left. */
  private settle(id: number): Pending | undefined {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0 && this.child) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs ?? DEFAULT_IDLE_MS);
      this.idleTimer.unref();
    }
    return entry;
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const entry = hostEntry();
    const heap = `--max-old-space-size=${this.options.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB}`;
    const child = fork(entry.file, [], { execArgv: [...entry.execArgv, heap], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)));
    child.on('message', (message: unknown) => this.received(message));
    child.on('exit', (code, signal) => this.exited(child, code, signal, stderr));
    child.on('error', () => undefined); // 'exit' follows and fails what was waiting
    this.child = child;
    return child;
  }

  private received(message: unknown): void {
    if (!isHostResponse(message)) return;
    this.settle(message.id)?.resolve(message);
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, stderr: string): void {
    if (this.child === child) this.child = null;
    clearTimeout(this.idleTimer);
    const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
    const outOfMemory = /heap out of memory/i.test(stderr) ? ' It ran out of memory.' : '';
    const error = new Error(`The lint process ${how} before it answered.${outOfMemory} ESLint and type checks start again on the next run.`);
    for (const [id, entry] of [...this.pending]) {
      if (entry.child !== child) continue;
      this.pending.delete(id);
      entry.reject(error);
    }
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) child.kill();
  }
}

/**
 * The host's entry next to this code: `lintHost.js` beside the bundled server in dist/, or the TypeScript
 * source through tsx when the server itself runs from source (tests).
 */
function hostEntry(): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.ts')) return { file: path.join(__dirname, 'lintHostMain.ts'), execArgv: ['--import', 'tsx'] };
  return { file: path.join(__dirname, 'lintHost.js'), execArgv: [] };
}
