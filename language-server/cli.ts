import { ActionCancelled } from './orchestrator/actionGate';
import { parseCommandLine, type CommandLine } from './cli/args';
import type { CliContext, Stream } from './cli/command';
import { helpText } from './cli/help';
import { UsageError } from './cli/usage';
import { openStore } from './store/openStore';

declare const OPTIMUS_VERSION: string | undefined;

/** The shell's convention for "ended by SIGINT", which scripts test for. */
const CANCELLED_EXIT = 130;

/** `optimus <command>`: the engine without VS Code. Returns the exit code. */
export async function main(argv: string[], out: Stream = process.stdout, err: Stream = process.stderr, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let line: CommandLine;
  try {
    line = parseCommandLine(argv);
  } catch (error) {
    return failed(error, err);
  }
  if (line.command === 'help') return void out.write(helpText() + '\n'), 0;
  if (line.command === 'version') return void out.write(versionText() + '\n'), 0;
  const store = await openStore(line.global.db, (message) => err.write(`optimus: ${message}\n`));
  const cancel = new AbortController();
  const stopListening = line.prepared?.cancellable ? onInterrupt(() => cancel.abort()) : () => undefined;
  try {
    const ctx: CliContext = { global: line.global, store, out, err, signal: cancel.signal, env: process.env, errIsTTY: process.stderr.isTTY === true, stdin };
    return (await line.prepared?.run(ctx)) ?? 0;
  } catch (error) {
    return failed(error, err);
  } finally {
    stopListening();
    store?.close();
  }
}

/** Usage mistakes exit 2, a cancelled action 130, anything else 1; each with one line on stderr. */
function failed(error: unknown, err: Stream): number {
  err.write(`optimus: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof UsageError) return 2;
  return error instanceof ActionCancelled ? CANCELLED_EXIT : 1;
}

/**
 * Ctrl+C (and a polite kill) becomes a cancellation the command cleans up after (nothing partial is left);
 * a second one, for a clean-up that hangs, exits at once.
 */
function onInterrupt(cancel: () => void): () => void {
  let asked = false;
  const handler = () => {
    if (asked) process.exit(CANCELLED_EXIT);
    asked = true;
    cancel();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}

function versionText(): string {
  return typeof OPTIMUS_VERSION === 'string' ? OPTIMUS_VERSION : 'dev';
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`optimus: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
