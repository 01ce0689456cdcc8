/**
 * The lint host: a child process of the language server that runs ESLint and TypeScript's type checks for it
 * (see lintHost.ts for why). Started with an IPC channel; ends when the channel closes, so it never outlives
 * the server, even one that was killed.
 */
import { inProcessLintRunner } from '../lintRunner';
import type { HostRequest, HostResponse } from './lintHostProtocol';

const running = new Map<number, AbortController>();

function send(response: HostResponse): void {
  if (process.connected) process.send?.(response);
}

async function handle(request: HostRequest): Promise<void> {
  if (request.op === 'cancel') return running.get(request.id)?.abort(new Error('cancelled'));
  const controller = new AbortController();
  running.set(request.id, controller);
  const signal = controller.signal;
  try {
    if (request.op === 'lint') {
      const report = await inProcessLintRunner.lint(request.projectDir, request.inputs, { ...request.options, signal });
      send({ id: request.id, ok: true, op: 'lint', report });
    } else {
      const report = await inProcessLintRunner.types(request.tsconfigPath, request.files ?? undefined, { ...request.options, signal });
      send({ id: request.id, ok: true, op: 'types', report });
    }
  } catch (error) {
    send({ id: request.id, ok: false, cancelled: signal.aborted, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(request.id);
  }
}

function isRequest(value: unknown): value is HostRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && (v.op === 'lint' || v.op === 'types' || v.op === 'cancel');
}

process.on('message', (message: unknown) => {
  if (isRequest(message)) void handle(message);
});
process.on('disconnect', () => process.exit(0));
