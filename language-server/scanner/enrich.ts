import type { DependencySummary, Finding, GitState, Project } from '../model';
import { mapLimit } from '../util/limit';
import { readGitStates } from './git/state';
import { attachLockedVersions } from './lockfiles';

/** What the slow second pass learned about one project. */
export interface EnrichedFacts {
  path: string;
  git?: GitState;
  dependencies?: DependencySummary;
  /** Problems found in lockfiles; they replace the project's earlier `lockfile/*` findings. */
  lockFindings?: Finding[];
}

export interface EnrichOptions {
  signal: AbortSignal;
  /** Skip lockfiles: only git moved. */
  gitOnly: boolean;
  /** Called with batches of facts as they arrive, at most every `flushMs`. */
  onFacts: (batch: EnrichedFacts[]) => void;
  flushMs?: number;
}

/**
 * The second pass after discovery: full git state (one status + one log per repository) and the versions
 * pinned by lockfiles. Results are batched so the client redraws a few times, not once per project.
 */
export async function enrichProjects(projects: readonly Project[], opts: EnrichOptions): Promise<EnrichedFacts[]> {
  const batcher = new Batcher(opts.onFacts, opts.flushMs ?? 100, opts.signal);
  const repos = projects.filter((p) => p.git !== null);
  // Aborted work (a newer walk made it obsolete) ends quietly; git itself never rejects otherwise.
  const gitDone = readGitStates(
    repos.map((p) => p.path),
    { signal: opts.signal, onState: (path, git) => batcher.add({ path, git }) },
  ).catch((error: unknown) => {
    if (!opts.signal.aborted) throw error;
  });
  // Lockfiles wait for git: parsed alongside, they slowed the git pass by ~15% on 2 cores, and git state
  // (dirty, ahead) matters more to the user than locked versions.
  const locksDone = opts.gitOnly ? gitDone : gitDone.then(() => readLocks(projects, opts.signal, batcher));
  await locksDone;
  return batcher.finish();
}

async function readLocks(projects: readonly Project[], signal: AbortSignal, batcher: Batcher): Promise<void> {
  const withManifests = projects.filter((p) => p.dependencies.manifests.length > 0);
  await mapLimit(withManifests, 4, async (project) => {
    if (signal.aborted) return;
    const manifests = structuredClone(project.dependencies.manifests);
    const lockFindings = await attachLockedVersions(project.path, manifests, project.parent ? { workspaceRoot: project.parent } : {});
    batcher.add({ path: project.path, dependencies: { count: project.dependencies.count, manifests }, lockFindings });
  });
}

/** Collects facts per project (git and locks arrive separately) and flushes them on a timer. */
class Batcher {
  private pending = new Map<string, EnrichedFacts>();
  private all = new Map<string, EnrichedFacts>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly flush: (batch: EnrichedFacts[]) => void, private readonly flushMs: number, private readonly signal: AbortSignal) {}

  add(facts: EnrichedFacts): void {
    if (this.signal.aborted) return;
    this.pending.set(facts.path, { ...this.pending.get(facts.path), ...facts });
    this.all.set(facts.path, { ...this.all.get(facts.path), ...facts });
    this.timer ??= setTimeout(() => this.send(), this.flushMs);
  }

  finish(): EnrichedFacts[] {
    this.send();
    return [...this.all.values()];
  }

  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0 || this.signal.aborted) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.flush(batch);
  }
}
