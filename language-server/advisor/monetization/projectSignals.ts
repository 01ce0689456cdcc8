import type { Project } from '../../model';
import type { Classification } from '../classify/projectTypes';
import { readFacts } from '../classify/readFacts';
import { SIGNAL_IDS } from './signalIds';
import type { SignalId, SignalMap, SignalState } from './signalIds';
import { dependencySignals } from './signals/dependencySignals';
import { deployedSignal } from './signals/deploySignals';
import { fileSignals } from './signals/fileSignals';
import { hygieneSignals } from './signals/hygieneSignals';
import { licenseSignals } from './signals/licenseSignals';
import { marketSignal } from './signals/marketSignal';
import type { MarketSignals } from '../market/marketTypes';
import { repoSignals } from './signals/repoSignals';

export interface ProjectSignals {
  signals: SignalMap;
  /** Signals that could not be decided, and why; each also reads `unknown` in `signals`. */
  notes: string[];
}

/**
 * Every signal of the vocabulary for one project, from its own files and the market figures the caller read
 * (null when they are off). A detector that fails leaves its signals unknown with a note; it never takes the
 * others down.
 */
export async function projectSignals(project: Project, classification: Classification, market: MarketSignals | null = null): Promise<ProjectSignals> {
  const { facts } = await readFacts(project);
  const notes: string[] = [];
  const groups = await Promise.all([
    guarded('dependencies', notes, async () => dependencySignals(facts.deps)),
    guarded('files', notes, () => fileSignals(facts)),
    guarded('README, tests and CI', notes, () => hygieneSignals(project)),
    guarded('license', notes, () => licenseSignals(project, facts)),
    guarded('deployment', notes, async () => [['deployed', await deployedSignal(project)]]),
    guarded('repository', notes, async () => repoSignals(project, facts, classification)),
    guarded('market', notes, async () => marketSignal(market)),
  ]);
  const signals: SignalMap = new Map();
  for (const [id, state] of groups.flat()) signals.set(id, strongest(signals.get(id), state));
  for (const id of SIGNAL_IDS) {
    const state = signals.get(id);
    if (!state) signals.set(id, { unknown: 'its detector failed' });
    // With the market figures off, the assessment's own "no market data" note already says why has-users is unknown.
    else if ('unknown' in state && !(id === 'has-users' && market === null)) notes.push(`${id}: not known (${state.unknown})`);
  }
  return { signals, notes };
}

async function guarded(what: string, notes: string[], detect: () => Promise<Array<[SignalId, SignalState]>>): Promise<Array<[SignalId, SignalState]>> {
  try {
    return await detect();
  } catch (error) {
    notes.push(`The ${what} signals could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/** Two detectors may speak to one signal (API docs from a dependency or a spec file): present beats unknown beats absent. */
function strongest(a: SignalState | undefined, b: SignalState): SignalState {
  if (!a) return b;
  const rank = (s: SignalState): number => ('present' in s ? (s.present ? 2 : 0) : 1);
  return rank(b) > rank(a) ? b : a;
}
