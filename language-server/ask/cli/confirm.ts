import { createInterface } from 'node:readline/promises';
import type { CliContext } from '../../cli/command';

export type Consent = 'yes' | 'declined' | 'not-asked';

/**
 * Whether to go ahead with something that changes state: `--yes` says so; on a terminal the user is asked (the
 * question on stderr, so --json output stays one document); without a terminal nobody can answer, so nothing
 * is done — a script must say --yes.
 */
export async function consent(ctx: CliContext, yes: boolean, question: string): Promise<Consent> {
  if (yes) return 'yes';
  if ((ctx.stdin as NodeJS.ReadStream).isTTY !== true) return 'not-asked';
  const rl = createInterface({ input: ctx.stdin, output: ctx.err, terminal: true });
  try {
    const answer = await rl.question(`${question} [y/N] `, { signal: ctx.signal });
    return /^\s*y(es)?\s*$/i.test(answer) ? 'yes' : 'declined';
  } catch {
    return 'declined';
  } finally {
    rl.close();
  }
}
