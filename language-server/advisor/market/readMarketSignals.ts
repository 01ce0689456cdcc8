/**
 * Market signals for the Advisor, from sources that exist: npm's download counts for the project's package
 * and GitHub's figures for its remote. Called only when the user has enabled it; without a network it
 * returns quickly with an "offline" note and no numbers. Never throws.
 */
import { mapLimit } from '../../util/limit';
import { openMarketRun, saveMarketRun } from './marketRun';
import type { MarketInput, MarketOptions, MarketSignals } from './marketTypes';
import { projectMarket } from './projectMarket';

/** Projects asked at once: polite to both services, and GitHub allows 60 unauthenticated requests an hour. */
const CONCURRENCY = 4;

export async function readMarketSignals(input: MarketInput, options: MarketOptions = {}): Promise<MarketSignals> {
  const run = openMarketRun(options);
  const signals = await projectMarket(input, run);
  signals.notes.push(...(await saveMarketRun(run)));
  return signals;
}

/**
 * The same for many projects, in input order, four at a time, sharing one cache and one view of the network:
 * once a host proved unreachable (or GitHub's rate limit used up) it is not asked again in this call, and the
 * projects after it get the note without waiting. `notes` are about the call as a whole (the cache file).
 */
export async function readMarketSignalsForProjects(inputs: readonly MarketInput[], options: MarketOptions = {}): Promise<{ projects: MarketSignals[]; notes: string[] }> {
  const run = openMarketRun(options);
  const projects = await mapLimit(inputs, CONCURRENCY, (input) => projectMarket(input, run));
  return { projects, notes: await saveMarketRun(run) };
}
