import type { Store } from '../store/store';

export type Stream = NodeJS.WritableStream;

/** Options every command takes. */
export interface GlobalArgs {
  json: boolean;
  batch: boolean;
  db?: string;
}

export type OptionValue = string | boolean | (string | boolean)[] | undefined;

/** One option of a command, as node's parseArgs wants it plus what the help text shows. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The placeholder in the help text, e.g. `N` for `--limit N`. */
  value?: string;
  help: string;
}

/** The command line, split but not yet checked by the command. */
export interface RawArgs {
  command: string;
  positionals: string[];
  options: Readonly<Record<string, OptionValue>>;
  global: GlobalArgs;
}

/** What a running command gets: streams, the store, and a signal that Ctrl+C aborts (cancellable commands only). */
export interface CliContext {
  global: GlobalArgs;
  store: Store | null;
  out: Stream;
  err: Stream;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal: progress is drawn only there, never into a log or a pipe. */
  errIsTTY: boolean;
  /** Input for commands that read it (`diagnose -`, `--batch`). */
  stdin: NodeJS.ReadableStream;
}

/** A command as its module writes it: `parse` checks the arguments (throwing UsageError), `run` does the work. */
export interface CommandSpec<A> {
  name: string;
  /** The usage line without `optimus `, e.g. `start PATH [--profile NAME]`. */
  usage: string;
  summary: string;
  options?: Readonly<Record<string, OptionSpec>>;
  /** Ctrl+C aborts `ctx.signal` (and the command exits 130) instead of killing the process at once. */
  cancellable?: boolean;
  parse(raw: RawArgs): A;
  run(args: A, ctx: CliContext): Promise<number>;
}

/** A parsed command ready to run; its argument type is hidden so commands of any shape share one registry. */
export interface Prepared {
  args: object;
  cancellable: boolean;
  run(ctx: CliContext): Promise<number>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: Readonly<Record<string, OptionSpec>>;
  cancellable: boolean;
  prepare(raw: RawArgs): Prepared;
}

export function defineCommand<A extends object>(spec: CommandSpec<A>): Command {
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    options: spec.options ?? {},
    cancellable: spec.cancellable === true,
    prepare(raw) {
      const args = spec.parse(raw);
      return { args, cancellable: spec.cancellable === true, run: (ctx) => spec.run(args, ctx) };
    },
  };
}
