import type { FixStats } from '../../store/troubleshootingRepo';
import type { Fix } from '../types';

/**
 * Fixes in the order their outcomes earned: the success rate with one success and one failure assumed
 * (Laplace), so an untried fix counts 0.5, one that failed twice 0.25 and one that worked twice 0.75. Equal
 * rates keep the knowledge base's order.
 */
export function rankFixes(fixes: readonly Fix[], stats: ReadonlyMap<string, FixStats>): Fix[] {
  const score = (fix: Fix): number => {
    const s = stats.get(fix.key);
    return s ? (s.successes + 1) / (s.uses + 2) : 0.5;
  };
  return fixes.map((fix, index) => ({ fix, index, score: score(fix) })).sort((a, b) => b.score - a.score || a.index - b.index).map((x) => x.fix);
}
