import { GLOBAL_OPTIONS } from './args';
import type { Command, OptionSpec } from './command';
import { COMMANDS } from './registry';

/** The help text, made from the registry so a command's usage line and options cannot drift from its parser. */
export function helpText(commands: readonly Command[] = COMMANDS): string {
  return [
    'optimus — every project on this machine, headless',
    '',
    'Usage:',
    ...commands.map(usageLine),
    '  optimus --help | --version',
    '',
    'Global options:',
    '  --json          print one JSON document on stdout and nothing else',
    '  --batch         with --json: JSON Lines, one item per line (runtime, env: a "kind" field tells them apart)',
    '  --db PATH       the store file (default: $OPTIMUS_HOME/optimus.sqlite, OPTIMUS_HOME defaults to ~/.optimus);',
    '                  ":memory:" keeps nothing',
    ...commands.flatMap(optionLines),
    '',
    'PATH is a project folder. start, stop, restart, backup, restore, verify and what roi stores are written to the audit log (`optimus audit`).',
    'Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage, 130 cancelled (Ctrl+C).',
  ].join('\n');
}

/** Long usage lines put their summary on the next line rather than pushing every summary to the right. */
const USAGE_WIDTH = 38;

function usageLine(command: Command): string {
  const usage = `optimus ${command.usage}`;
  return usage.length <= USAGE_WIDTH ? `  ${usage.padEnd(USAGE_WIDTH)}  ${command.summary}` : `  ${usage}\n  ${' '.repeat(USAGE_WIDTH)}  ${command.summary}`;
}

function optionLines(command: Command): string[] {
  const own = Object.entries(command.options).filter(([name]) => !Object.hasOwn(GLOBAL_OPTIONS, name));
  if (own.length === 0) return [];
  return ['', `${command.name} options:`, ...own.map(([name, spec]) => `  ${flag(name, spec).padEnd(FLAG_WIDTH)}  ${spec.help}`)];
}

/** Wide enough for `--profile NAME`, so every option's text starts in one column. */
const FLAG_WIDTH = 14;

function flag(name: string, spec: OptionSpec): string {
  return `--${name}${spec.value ? ` ${spec.value}` : ''}`;
}
