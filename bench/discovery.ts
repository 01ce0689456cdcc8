/** Discovery + stacks (scanRoots), cold in fresh processes and warm in this one, against a readdir floor. */
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeIgnoreMatcher } from '../language-server/scanner/ignore';
import { ProjectIndex } from '../language-server/scanner/projectIndex';
import { scanRoots, type RootsScan } from '../language-server/scanner/scan';
import { readdirFloor } from './floor';
import { dropCaches, median, round, runProbe, timed } from './stats';

export interface Paired {
  /** Median ms of scanRoots. */
  scan: number;
  /** Median ms of the readdir floor over the same folders. */
  floor: number;
  samples: number;
}

export interface DiscoveryFigures {
  projects: number;
  gitRepos: number;
  containers: number;
  foldersListed: number;
  /** First call in a fresh Node process; files in the page cache. */
  cold: Paired;
  /** Same, with the page cache dropped before each sample; null when dropping is not allowed here. */
  trulyCold: Paired | null;
  /** Repeated calls in one process. */
  warm: Paired;
  /** A walk as the watcher triggers it in the server: projects whose folder lists the same names are reused. */
  warmWalk: Paired;
}

const COLD_SAMPLES = 7;
const TRULY_COLD_SAMPLES = 3;
const WARM_SAMPLES = 21;

export async function scanOnce(root: string): Promise<RootsScan> {
  return scanRoots([root], { maxDepth: 4, ignore: makeIgnoreMatcher([], os.homedir()) });
}

export async function measureDiscovery(root: string, dropAllowed: boolean, log: (line: string) => void): Promise<DiscoveryFigures> {
  const first = await scanOnce(root);
  const dirs = [...first.containers, ...first.projects.map((p) => p.path)];
  const dirsFile = path.join(os.tmpdir(), `optimus-bench-dirs-${process.pid}.txt`);
  await writeFile(dirsFile, dirs.join('\n'));
  let cold: Paired;
  let trulyCold: Paired | null = null;
  try {
    log('discovery: cold samples (one fresh process each)');
    cold = await coldPairs(root, dirsFile, COLD_SAMPLES, false);
    log('discovery: truly cold samples (page cache dropped before each)');
    if (dropAllowed && (await dropCaches())) trulyCold = await coldPairs(root, dirsFile, TRULY_COLD_SAMPLES, true);
  } finally {
    await rm(dirsFile, { force: true });
  }
  log('discovery: warm samples');
  const scans: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < WARM_SAMPLES + 2; i++) {
    for (const mode of i % 2 ? ['scan', 'floor'] : ['floor', 'scan']) {
      const { ms } = await timed<unknown>(() => (mode === 'scan' ? scanOnce(root) : readdirFloor(dirs)));
      if (i >= 2) (mode === 'scan' ? scans : floors).push(ms); // the first two rounds warm the JIT up
    }
  }
  const walks = await measureWalks(root, dirs);
  return {
    warmWalk: walks,
    projects: first.projects.length,
    gitRepos: first.projects.filter((p) => p.git !== null).length,
    containers: first.containers.length,
    foldersListed: dirs.length,
    cold,
    trulyCold,
    warm: { scan: round(median(scans)), floor: round(median(floors)), samples: scans.length },
  };
}

/** ProjectIndex.refresh with reuse, after a first full read: what a structure event costs the server. */
async function measureWalks(root: string, dirs: string[]): Promise<Paired> {
  const settings = { roots: [root], maxDepth: 4, ignore: makeIgnoreMatcher([], os.homedir()) };
  const index = new ProjectIndex(null);
  await index.refresh(settings, { waitForDetails: true });
  const walks: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < WARM_SAMPLES + 2; i++) {
    for (const mode of i % 2 ? ['walk', 'floor'] : ['floor', 'walk']) {
      const { ms } = await timed<unknown>(() => (mode === 'walk' ? index.refresh(settings, { reuse: true, waitForDetails: true }) : readdirFloor(dirs)));
      if (i >= 2) (mode === 'walk' ? walks : floors).push(ms);
    }
  }
  index.dispose();
  return { scan: round(median(walks)), floor: round(median(floors)), samples: walks.length };
}

async function coldPairs(root: string, dirsFile: string, samples: number, drop: boolean): Promise<Paired> {
  const scans: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < samples; i++) {
    for (const mode of i % 2 ? ['scan', 'floor'] : ['floor', 'scan']) {
      if (drop) await dropCaches();
      const { ms } = await runProbe<{ ms: number }>('scan.ts', mode === 'scan' ? ['scan', root] : ['floor', dirsFile]);
      (mode === 'scan' ? scans : floors).push(ms);
    }
  }
  return { scan: round(median(scans)), floor: round(median(floors)), samples };
}
