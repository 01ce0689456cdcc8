/**
 * The maintainability index, Visual Studio variant: max(0, (171 − 5.2·ln V − 0.23·CC − 16.2·ln LOC)·100/171).
 *
 * Inputs for a file (escomplex's module method, with Visual Studio's coefficients and scale):
 * - with functions: V, CC and LOC are the means over the file's functions of each function's own Halstead
 *   volume (nested functions excluded), its cyclomatic complexity, and the physical lines it spans;
 * - without functions: the whole file as one unit — the Halstead volume of all its code, 1 + every decision
 *   point in it, and its source lines (sloc);
 * - no code at all (sloc 0): null.
 * Summing a whole file instead would push every file past a few hundred lines to 0, which says nothing.
 */
import type { FunctionMetrics } from '../types';

export function maintainabilityIndex(volume: number, cyclomatic: number, loc: number): number {
  // ln of a value below 1 would reward emptiness; one token and one line are the least a unit has.
  const raw = 171 - 5.2 * Math.log(Math.max(1, volume)) - 0.23 * cyclomatic - 16.2 * Math.log(Math.max(1, loc));
  return Math.max(0, Math.min(100, (raw * 100) / 171));
}

/** The file's index from its functions, or from the whole file when it has none. */
export function fileMaintainability(functions: readonly FunctionMetrics[], whole: { volume: number; cyclomatic: number; sloc: number }): number | null {
  if (whole.sloc === 0) return null;
  if (functions.length === 0) return round(maintainabilityIndex(whole.volume, whole.cyclomatic, whole.sloc));
  let volume = 0;
  let cyclomatic = 0;
  let loc = 0;
  for (const f of functions) {
    volume += f.halstead?.volume ?? 0;
    cyclomatic += f.cyclomatic;
    loc += f.loc;
  }
  const n = functions.length;
  return round(maintainabilityIndex(volume / n, cyclomatic / n, loc / n));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
