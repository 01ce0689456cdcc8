import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Command, GlobalArgs, OptionSpec, OptionValue, Prepared } from './command';
import { COMMANDS, findCommand } from './registry';
import { UsageError } from './usage';

/** Options every command takes; `--help` and `--version` win over everything else on the line. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec & { short?: string }>> = {
  json: { type: 'boolean', help: 'print one JSON document on stdout and nothing else' },
  batch: { type: 'boolean', help: 'with --json: JSON Lines, one item per line' },
  db: { type: 'string', value: 'PATH', help: 'the store file' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
  version: { type: 'boolean', short: 'v', help: 'the version' },
};

export interface CommandLine {
  /** A registered command's name, or `help` / `version`. */
  command: string;
  global: GlobalArgs;
  /** Null for `help` and `version`. */
  prepared: Prepared | null;
}

/** Parses argv (without node and the script); throws UsageError with a message a person can act on. */
export function parseCommandLine(argv: string[], commands: readonly Command[] = COMMANDS): CommandLine {
  const { values, positionals } = parseOrExplain(argv, commands);
  const global: GlobalArgs = { json: values.json === true, batch: values.batch === true, db: values.db as string | undefined };
  if (values.help) return { command: 'help', global, prepared: null };
  if (values.version) return { command: 'version', global, prepared: null };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError('No command given. Try `optimus scan ~/projects` or `optimus --help`.');
  const command = findCommand(name, commands);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. See \`optimus --help\`.`);
  checkGlobal(global);
  const options = ownOptions(command, values);
  return { command: name, global, prepared: command.prepare({ command: name, positionals: rest, options, global }) };
}

/** The same, flattened into one object (global options and the command's own arguments): for tests and debugging. */
export function parseCliArgs(argv: string[]): Record<string, unknown> & GlobalArgs & { command: string } {
  const line = parseCommandLine(argv);
  return { command: line.command, ...line.global, ...(line.prepared?.args ?? {}) };
}

function checkGlobal(global: GlobalArgs): void {
  if (global.batch && !global.json) throw new UsageError('--batch only changes JSON output: use it together with --json.');
  if (global.db === '') throw new UsageError('--db needs a file path, e.g. --db ~/.optimus/optimus.sqlite.');
}

/** The command's own options; one that exists for another command only is a usage error that says whose it is. */
function ownOptions(command: Command, values: Record<string, OptionValue>): Record<string, OptionValue> {
  const own: Record<string, OptionValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (Object.hasOwn(GLOBAL_OPTIONS, key) || value === undefined) continue;
    if (!Object.hasOwn(command.options, key)) {
      const known = Object.keys(command.options).map((o) => `--${o}`);
      throw new UsageError(`\`optimus ${command.name}\` does not take --${key}${known.length ? ` (it takes ${known.join(', ')})` : ''}. See \`optimus --help\`.`);
    }
    own[key] = value;
  }
  return own;
}

/** Every command's options are parsed together: the command name is only known once values are told from names. */
function parseOrExplain(argv: string[], commands: readonly Command[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: allOptions(commands) });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. See \`optimus --help\`.`);
  }
}

function allOptions(commands: readonly Command[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  const add = (name: string, spec: OptionSpec & { short?: string }) => {
    options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) };
  };
  for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) add(name, spec);
  for (const command of commands) for (const [name, spec] of Object.entries(command.options)) add(name, spec);
  return options;
}
