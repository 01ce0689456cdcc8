import os from 'node:os';
import path from 'node:path';
import { parseCliArgs, type CliArgs } from './cli/args';
import { printList } from './cli/output';
import { HELP, UsageError } from './cli/usage';
import { expandHome, makeIgnoreMatcher } from './scanner/ignore';
import { ProjectIndex } from './scanner/projectIndex';
import { DEFAULT_SETTINGS } from './settings';
import { storePersistence } from './store/indexPersistence';
import { openStore } from './store/openStore';
import { loadProjects } from './store/projectsRepo';
import type { Store } from './store/store';

declare const OPTIMUS_VERSION: string | undefined;

/** `optimus <command>`: the engine without VS Code. Returns the exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`optimus: ${error.message}\n`);
    return 2;
  }
  if (args.command === 'help') return void out.write(HELP + '\n'), 0;
  if (args.command === 'version') return void out.write(versionText() + '\n'), 0;
  const store = await openStore(args.db, (message) => err.write(`optimus: ${message}\n`));
  try {
    return args.command === 'scan' ? await scan(args, store, out, err) : await list(args, store, out, err);
  } finally {
    store?.close();
  }
}

async function scan(args: CliArgs, store: Store | null, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const home = os.homedir();
  const roots = (args.roots.length > 0 ? args.roots : DEFAULT_SETTINGS.roots).map((r) => path.resolve(expandHome(r, home)));
  const index = new ProjectIndex(store ? storePersistence(store) : null);
  const started = performance.now();
  const projects = await index.refresh(
    { roots, maxDepth: args.maxDepth ?? DEFAULT_SETTINGS.scan.maxDepth, ignore: makeIgnoreMatcher(args.ignore, home) },
    { waitForDetails: true },
  );
  const elapsedMs = performance.now() - started;
  printList({ projects: index.all(), notes: index.notes, elapsedMs }, args, out, err);
  const missing = index.notes.filter((n) => n.code === 'root/missing' || n.code === 'root/not-a-folder');
  if (missing.length === roots.length && projects.length === 0) {
    err.write(`optimus: none of the folders to scan exists (${roots.join(', ')}).\n`);
    return 1;
  }
  return 0;
}

async function list(args: CliArgs, store: Store | null, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const projects = store ? await loadProjects(store) : [];
  printList({ projects, notes: [] }, args, out, err);
  return 0;
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
