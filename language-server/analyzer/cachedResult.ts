/**
 * The analyzer's per-file result as it sits in the store's analysis cache (`analysis_cache.result`), and the key
 * (`analysis_cache.analyzer`) saying which analyzer version and settings made it. Written and read here only:
 * project analysis reuses a hit, the Project detail dashboard shows what the last analysis found.
 */
import type { CachedAnalysis } from '../store/analysisCacheRepo';
import type { SourceAnalysis } from './analyzeSource';

/** Bumped when an engine changes what it finds: cached results of older versions are analyzed again. */
export const ANALYZER_VERSION = '1';

/** `<version>:<complexity threshold>:<cognitive threshold>:<secrets baseline hash>`. */
export function analyzerKey(complexityThreshold: number, cognitiveThreshold: number, baselineHash: string): string {
  return `${ANALYZER_VERSION}:${complexityThreshold}:${cognitiveThreshold}:${baselineHash}`;
}

/** The analyzer version a cache key was made by ('' for a key not made by analyzerKey). */
export function analyzerVersionOf(key: string): string {
  return /^([^:]*):/.exec(key)?.[1] ?? '';
}

export function cachedResultText(analysis: Pick<SourceAnalysis, 'metrics' | 'findings'>): string {
  return JSON.stringify({ metrics: analysis.metrics, findings: analysis.findings });
}

/** The stored result, or null when the entry is damaged or not shaped as cachedResultText writes it. */
export function readCachedResult(hit: CachedAnalysis): SourceAnalysis | null {
  try {
    const parsed = JSON.parse(hit.result) as Partial<Pick<SourceAnalysis, 'metrics' | 'findings'>> | null;
    const metrics = parsed?.metrics;
    const shaped = Array.isArray(parsed?.findings) && typeof metrics === 'object' && metrics !== null && typeof metrics.loc === 'number' && Array.isArray(metrics.functions);
    return shaped ? { metrics, findings: parsed.findings as SourceAnalysis['findings'], notes: [] } : null;
  } catch {
    return null;
  }
}
