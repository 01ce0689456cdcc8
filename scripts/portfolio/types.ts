import type { Stack } from '../../language-server/model';
import type { Rng } from './rng';

/** Files to write, keyed by a posix path relative to the project folder. */
export type FileMap = Record<string, string>;

/** A tree a scanner must not descend into (node_modules, .venv, target/, build/ ...). */
export interface HeavyTree {
  /** The .gitignore line that keeps it out of git, e.g. `node_modules/`. */
  ignore: string;
  generate(rng: Rng): FileMap;
}

/** A member of a workspace (npm workspaces, Cargo workspace, go.work). */
export interface MemberSpec {
  /** Posix path relative to the project folder. */
  path: string;
  stack: Stack;
}

/** One kind of sample project. */
export interface Template {
  id: string;
  /** Appended to the random word that names a project of this kind: `api`, `web`. */
  suffix: string;
  stack: Stack;
  members?: MemberSpec[];
  /** .gitignore lines beyond the heavy trees' ones. */
  ignore?: string[];
  heavy: HeavyTree[];
  files(name: string, rng: Rng): FileMap;
  /** A project that really runs (its `.optimus.json` start command needs nothing installed). */
  run?: PortfolioRun;
}

export interface PortfolioRun {
  /** The `.optimus.json` start command. */
  command: string;
  /** The port it listens on, or the next free one above. */
  port: number;
  /** Requests that exercise it (the screenshots send them, so that its terminal shows some traffic). */
  requests: PortfolioRequest[];
}

export interface PortfolioRequest {
  method: string;
  /** Path and query, e.g. `/api/status`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface PortfolioOptions {
  /** Number of top-level projects (workspace members are not counted). */
  count: number;
  /** Add dependency and build trees (node_modules, .venv, target/ ...). */
  heavy?: boolean;
  seed?: number;
  /** Where the bare "remote" repositories go; default `<dir>.remotes`, beside dir. */
  remotesDir?: string;
  /** Commit dates are spread over the year before this date; default now. */
  baseDate?: Date | string;
  /**
   * Also add the runnable projects (status-page, webhook-relay: dependency-free Node servers with a
   * `.optimus.json` start command) after the `count` ones; for the screenshots, not the benchmark.
   */
  runnable?: boolean;
}

export interface PortfolioMember {
  name: string;
  path: string;
  stack: Stack;
}

export interface PortfolioCommit {
  hash: string;
  /** Author date, ISO 8601. */
  date: string;
  subject: string;
  author: string;
}

export interface PortfolioProject {
  name: string;
  /** Absolute path. */
  path: string;
  /** Posix path relative to the portfolio folder (`clients/acme/site` for a nested one). */
  relativePath: string;
  template: string;
  /** What a scanner should report; ids are lowercase (`typescript`, `react`, `npm`). */
  stack: Stack;
  members: PortfolioMember[];
  git: boolean;
  /** Checked-out branch; null when not a git repository. */
  branch: string | null;
  branches: string[];
  /** Lines of `git status --porcelain`: modified plus untracked. */
  dirty: number;
  modified: number;
  untracked: number;
  /** `origin/<branch>` when the branch tracks a bare repository in remotesDir. */
  upstream: string | null;
  remoteUrl: string | null;
  ahead: number | null;
  behind: number | null;
  /** Commits reachable from HEAD. */
  commits: number;
  commitsLast30Days: number;
  lastCommit: PortfolioCommit | null;
  /** Files in the project folder outside .git, heavy trees included. */
  files: number;
  heavyFiles: number;
  /** Present on the runnable projects only: how to start them and where they listen. */
  run?: PortfolioRun;
}

export interface PortfolioSummary {
  dir: string;
  remotesDir: string;
  seed: number;
  heavy: boolean;
  baseDate: string;
  projects: PortfolioProject[];
  /** Files written under dir outside .git folders (the marker and summary files included). */
  totalFiles: number;
  gitRepos: number;
  elapsedMs: number;
}
