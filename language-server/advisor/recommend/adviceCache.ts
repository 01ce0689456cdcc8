import type { Recommendation } from './recommendation';

/**
 * Ranked lists already worked out, by scope (one project's path, or '' for the portfolio). A list is dropped
 * when anything it reads may have changed — the project index, an analysis, a crash, an audited action — and
 * after `ttlMs` regardless, because "no commit for N days" moves with the clock alone.
 */
export class AdviceCache {
  private readonly lists = new Map<string, { at: number; list: Promise<Recommendation[]> }>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached list, or `compute()` once for every caller that asks while it runs; a failure is not kept. */
  get(scope: string, compute: () => Promise<Recommendation[]>): Promise<Recommendation[]> {
    const held = this.lists.get(scope);
    if (held && this.now() - held.at < this.ttlMs) return held.list;
    const entry = { at: this.now(), list: compute() };
    this.lists.set(scope, entry);
    entry.list.catch(() => {
      if (this.lists.get(scope) === entry) this.lists.delete(scope);
    });
    return entry.list;
  }

  invalidate(): void {
    this.lists.clear();
  }
}
