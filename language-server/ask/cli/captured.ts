import { Writable } from 'node:stream';
import type { CliContext, Command, OptionValue } from '../../cli/command';
import { UsageError } from '../../cli/usage';

/** What an existing command printed and returned, run as `optimus ask` asked for it. */
export interface Captured {
  code: number;
  /** stdout: the command's JSON document with --json, its table otherwise. */
  output: string;
  /** The error that ended it, worded by the command; absent when it returned. */
  error?: string;
}

/**
 * Runs a registered command (`start`, `backup`, `advise`, …) the way its own command line would, with stdout
 * captured: `ask` prints it under what it understood, or puts its JSON into its own. The command checks its
 * arguments itself; `positionals` are only ever project folders the store knows and fixed words.
 */
export async function runCaptured(command: Command, positionals: string[], options: Record<string, OptionValue>, ctx: CliContext): Promise<Captured> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  const global = { ...ctx.global, batch: false };
  try {
    const prepared = command.prepare({ command: command.name, positionals, options, global });
    const code = await prepared.run({ ...ctx, global, out });
    return { code, output: chunks.join('') };
  } catch (error) {
    // One project's failure (a folder gone since the scan, no start command) is reported, not the end of the rest.
    if (ctx.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { code: error instanceof UsageError ? 2 : 1, output: chunks.join(''), error: message };
  }
}

/** The command's --json output as a value; text that is not JSON (it failed first) stays text. */
export function parsedOutput(captured: Captured): unknown {
  try {
    return captured.output.trim() === '' ? null : JSON.parse(captured.output);
  } catch {
    return captured.output;
  }
}
