import { parseArgs } from 'node:util';
import { UsageError } from './usage';

export interface CliArgs {
  command: 'scan' | 'list' | 'help' | 'version';
  roots: string[];
  json: boolean;
  batch: boolean;
  db?: string;
  maxDepth?: number;
  ignore: string[];
}

const COMMANDS = new Set(['scan', 'list']);

/** Parses argv (without node and the script); throws UsageError with a message a person can act on. */
export function parseCliArgs(argv: string[]): CliArgs {
  const parsed = parseOrExplain(argv);
  const { values, positionals } = parsed;
  const base = { json: values.json === true, batch: values.batch === true, db: values.db, ignore: values.ignore ?? [], roots: [] as string[] };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('No command given. Try `optimus scan ~/projects` or `optimus --help`.');
  if (!COMMANDS.has(command)) throw new UsageError(`Unknown command "${command}". Commands: scan, list. See \`optimus --help\`.`);
  if (base.batch && !base.json) throw new UsageError('--batch only changes JSON output: use it together with --json.');
  if (command === 'list' && rest.length > 0) throw new UsageError(`\`optimus list\` takes no folders (got ${rest.join(' ')}); use \`optimus scan ${rest.join(' ')}\`.`);
  if (base.db === '') throw new UsageError('--db needs a file path, e.g. --db ~/.optimus/optimus.sqlite.');
  return { ...base, command: command as 'scan' | 'list', roots: rest, maxDepth: maxDepth(values['max-depth']) };
}

function parseOrExplain(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        batch: { type: 'boolean' },
        db: { type: 'string' },
        'max-depth': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. See \`optimus --help\`.`);
  }
}

function maxDepth(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new UsageError(`--max-depth must be a whole number from 0 to 20 (got "${raw}").`);
  return n;
}
