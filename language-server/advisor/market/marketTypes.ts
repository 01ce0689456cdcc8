/**
 * What the Advisor knows of a project's market from public sources: npm download counts and the GitHub
 * repository's figures. Every number here was read from an answer of those services (or from the cache of
 * one); where there is none the source is null and a note says why, so the UI never shows a made-up figure.
 */

/** What a project tells about itself: its package.json `name` and `private`, and its git remote URL. */
export interface MarketInput {
  packageName: string | null;
  isPrivate: boolean;
  remoteUrl: string | null;
}

export interface NpmSignals {
  package: string;
  /** `/downloads/point/last-week/<package>`: the last 7 days npm has counted. */
  weeklyDownloads: number;
  /** `/downloads/point/last-month/<package>`: the last 30 days npm has counted. */
  monthlyDownloads: number;
  /** ISO time of the older of the two answers (they may come from the cache). */
  fetchedAt: string;
}

export interface GithubSignals {
  /** `owner/repo` as GitHub spells it. */
  repo: string;
  /** The repository's page (`html_url`), always https://github.com/…. */
  url: string;
  stars: number;
  forks: number;
  /** `subscribers_count`: people watching the repository (GitHub's `watchers_count` is the star count). */
  watchers: number;
  /** `open_issues_count`: open issues and pull requests together, as GitHub counts them. */
  openIssues: number;
  /** ISO time of the last push; null when GitHub gave none (a repository never pushed to). */
  pushedAt: string | null;
  /** null when the answer did not say (answers recorded before GitHub added the field). */
  archived: boolean | null;
  fetchedAt: string;
}

export interface MarketSignals {
  npm: NpmSignals | null;
  github: GithubSignals | null;
  /** Plain sentences: why a source is null, what was not looked up, and that the network was unreachable. */
  notes: string[];
}

export interface MarketOptions {
  /** Base of npm's download-count API; default https://api.npmjs.org. Tests point it at a loopback server. */
  npmApi?: string;
  /** Base of GitHub's REST API; default https://api.github.com. */
  githubApi?: string;
  /** e.g. `$OPTIMUS_HOME/cache`; answers are kept in `market-signals.json` there. Without it nothing is cached. */
  cacheDir?: string;
  now?: () => number;
  /** Per request, headers and body. Default 5 s. */
  timeoutMs?: number;
  /** Stops requests still running; what was learnt so far is returned. */
  signal?: AbortSignal;
}
