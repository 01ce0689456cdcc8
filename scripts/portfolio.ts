/**
 * Deterministic sample portfolios: a folder of small projects of many stacks, most of them git repositories
 * with history, branches, dirty files and upstreams, for the README's demo, the benchmark and end-to-end tests.
 * --runnable adds two projects that really run (dependency-free Node servers with a .optimus.json start
 * command: status-page, webhook-relay) after the N others, for the README's screenshots.
 *
 *   node --import tsx scripts/portfolio.ts DIR [--count N] [--heavy] [--runnable] [--seed S] [--remotes DIR] [--base-date ISO] [--json]
 */
import path from 'node:path';
import { generatePortfolio } from './portfolio/generate';
import type { PortfolioOptions, PortfolioSummary } from './portfolio/types';

export { generatePortfolio, SUMMARY_FILE } from './portfolio/generate';
export { TEMPLATES } from './portfolio/templates/index';
export type { PortfolioCommit, PortfolioMember, PortfolioOptions, PortfolioProject, PortfolioRun, PortfolioSummary } from './portfolio/types';

interface CliArgs {
  dir: string;
  opts: PortfolioOptions;
  json: boolean;
}

const USAGE = 'usage: portfolio.ts DIR [--count N] [--heavy] [--runnable] [--seed S] [--remotes DIR] [--base-date ISO] [--json]';

function number(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n)) throw new Error(`${flag} needs a whole number\n${USAGE}`);
  return n;
}

export function parseArgs(argv: string[]): CliArgs {
  const opts: PortfolioOptions = { count: 12 };
  let dir: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--count') opts.count = number(arg, argv[++i]);
    else if (arg === '--seed') opts.seed = number(arg, argv[++i]);
    else if (arg === '--heavy') opts.heavy = true;
    else if (arg === '--runnable') opts.runnable = true;
    else if (arg === '--json') json = true;
    else if (arg === '--remotes') opts.remotesDir = argv[++i];
    else if (arg === '--base-date') opts.baseDate = argv[++i];
    else if (!arg.startsWith('--') && dir === undefined) dir = arg;
    else throw new Error(`unexpected argument ${arg}\n${USAGE}`);
  }
  if (!dir) throw new Error(USAGE);
  return { dir, opts, json };
}

export function summaryLine(s: PortfolioSummary): string {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  return `portfolio: ${s.projects.length} projects, ${s.totalFiles.toLocaleString('en-US')} files, ${s.gitRepos} git repos${s.heavy ? ' (heavy)' : ''} in ${s.dir}, ${seconds} s`;
}

async function main(): Promise<void> {
  const { dir, opts, json } = parseArgs(process.argv.slice(2));
  const summary = await generatePortfolio(dir, opts);
  process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `${summaryLine(summary)}\n`);
}

if (path.basename(process.argv[1] ?? '').replace(/\.[cm]?[jt]s$/, '') === 'portfolio') {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
