/** A mistake in how the command was called: exit code 2 and a message that says what to type instead. */
export class UsageError extends Error {}

export const HELP = `optimus — every project on this machine, headless

Usage:
  optimus scan [ROOT...] [options]   find the projects under ROOT (default: ~/projects), with stacks and git state
  optimus list [options]             the projects saved by the last scan, without scanning
  optimus --help | --version

Global options:
  --json         print one JSON document on stdout and nothing else
  --batch        with --json: JSON Lines, one project per line
  --db PATH      the store file (default: $OPTIMUS_HOME/optimus.sqlite, OPTIMUS_HOME defaults to ~/.optimus);
                 ":memory:" keeps nothing

scan options:
  --max-depth N  folder levels below a root searched for projects (default 4)
  --ignore GLOB  leave out folders matching GLOB, relative to the root (repeatable), e.g. --ignore '**/archive'

Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage.`;
