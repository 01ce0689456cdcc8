import os from 'node:os';
import path from 'node:path';
import { expandHome, makeIgnoreMatcher } from '../../scanner/ignore';
import { ProjectIndex } from '../../scanner/projectIndex';
import { DEFAULT_SETTINGS } from '../../settings';
import { storePersistence } from '../../store/indexPersistence';
import { intOption } from '../checks';
import { defineCommand } from '../command';
import { printList } from '../output';

interface ScanArgs {
  roots: string[];
  ignore: string[];
  maxDepth: number | undefined;
}

export const scanCommand = defineCommand<ScanArgs>({
  name: 'scan',
  usage: 'scan [ROOT...] [options]',
  summary: 'find the projects under ROOT (default: ~/projects), with stacks and git state',
  options: {
    'max-depth': { type: 'string', value: 'N', help: 'folder levels below a root searched for projects (default 4)' },
    ignore: { type: 'string', multiple: true, value: 'GLOB', help: "leave out folders matching GLOB, relative to the root (repeatable), e.g. --ignore '**/archive'" },
  },
  parse: (raw) => ({
    roots: raw.positionals,
    ignore: (raw.options.ignore as string[] | undefined) ?? [],
    maxDepth: intOption(raw, 'max-depth', 0, 20),
  }),
  async run(args, { store, global, out, err }) {
    const home = os.homedir();
    const roots = (args.roots.length > 0 ? args.roots : DEFAULT_SETTINGS.roots).map((r) => path.resolve(expandHome(r, home)));
    const index = new ProjectIndex(store ? storePersistence(store) : null);
    const started = performance.now();
    const projects = await index.refresh(
      { roots, maxDepth: args.maxDepth ?? DEFAULT_SETTINGS.scan.maxDepth, ignore: makeIgnoreMatcher(args.ignore, home) },
      { waitForDetails: true },
    );
    printList({ projects: index.all(), notes: index.notes, elapsedMs: performance.now() - started }, global, out, err);
    const missing = index.notes.filter((n) => n.code === 'root/missing' || n.code === 'root/not-a-folder');
    if (missing.length === roots.length && projects.length === 0) {
      err.write(`optimus: none of the folders to scan exists (${roots.join(', ')}).\n`);
      return 1;
    }
    return 0;
  },
});
