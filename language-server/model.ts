/**
 * The facts Optimus keeps about a project. Shared by the engine, the store, the CLI and (through protocol.ts)
 * the extension, so it holds plain JSON-serialisable data only.
 */

/** What a project is built with. Names are lowercase ids: `typescript`, `python`, `npm`, `react`. */
export interface Stack {
  languages: string[];
  frameworks: string[];
  packageManagers: string[];
}

export type DependencyKind = 'runtime' | 'dev' | 'peer' | 'optional' | 'build';

export interface Dependency {
  name: string;
  /** The range as written in the manifest (`^1.2.0`, `>=3.8`, `*` when none was given). */
  range: string;
  kind: DependencyKind;
  /** The version the lockfile pins, when there is a lockfile that names this dependency. */
  locked?: string;
}

export interface Manifest {
  /** Absolute path of the manifest file. */
  path: string;
  /** The file's kind: `package.json`, `pyproject.toml`, `Cargo.toml`, `go.mod`, `pom.xml`, ... */
  kind: string;
  /** Absolute path of the lockfile whose versions were read, if any. */
  lockfile?: string;
  dependencies: Dependency[];
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** Something wrong with a project's files that did not stop the scan (a malformed manifest, an unreadable folder). */
export interface Finding {
  /** Stable id, e.g. `manifest/malformed`, `scan/unreadable`, `git/broken`. */
  code: string;
  severity: FindingSeverity;
  message: string;
  /** Absolute path of the file or folder concerned. */
  file?: string;
  line?: number;
}

export interface LastCommit {
  hash: string;
  /** Author date, ISO 8601. */
  date: string;
  subject: string;
  author?: string;
}

export interface GitState {
  /** Branch name; null when HEAD is detached. */
  branch: string | null;
  /** Commit id HEAD points at; null in a repository without commits. */
  head: string | null;
  detached: boolean;
  dirty: boolean;
  /** Changed (staged or not) plus untracked files. */
  changedFiles: number;
  untrackedFiles: number;
  upstream: string | null;
  /** Commits ahead of / behind the upstream; null when there is no upstream. */
  ahead: number | null;
  behind: number | null;
  lastCommit: LastCommit | null;
  commitsLast30Days: number;
  remoteUrl: string | null;
  /** False while only the fast part (branch and head, read from .git) is known. */
  complete: boolean;
  /** Set when git could not read the repository; the other fields hold what could be read. */
  error?: string;
}

export interface DependencySummary {
  count: number;
  manifests: Manifest[];
}

export interface Project {
  name: string;
  /** Absolute path of the project folder. */
  path: string;
  /** The configured root the project was found under. */
  root: string;
  stack: Stack;
  git: GitState | null;
  dependencies: DependencySummary;
  /** Absolute paths of member projects (workspaces of a monorepo). */
  children: string[];
  /** Absolute path of the monorepo this project is a member of. */
  parent: string | null;
  findings: Finding[];
  /** When the project's files were last read, ISO 8601. */
  scannedAt: string;
}

/** Something the scan could not read outside any project (an unreadable folder, a symlink loop, a missing root). */
export interface ScanNote {
  code: 'root/missing' | 'root/not-a-folder' | 'scan/unreadable' | 'scan/symlink-loop' | 'scan/bad-name' | 'scan/depth';
  path: string;
  message: string;
}

export interface ScanResult {
  projects: Project[];
  notes: ScanNote[];
  elapsedMs: number;
}

export const emptyStack = (): Stack => ({ languages: [], frameworks: [], packageManagers: [] });

/** A process on this machine, as the runtime monitor sees it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The project whose folder holds the process's working folder (or an ancestor's); null when none does. */
  projectPath: string | null;
  /** The command line, with secrets in it masked (`--token=ab12****`). */
  command: string;
  /** TCP ports the process listens on. */
  ports: number[];
  /** Share of one core over the last sampling interval; null on the first sample. */
  cpuPercent: number | null;
  memoryBytes: number;
  /** ISO 8601. */
  startedAt: string;
}

/** A container, from the Docker Engine API (Docker or Podman). */
export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  /** running, exited, paused, created, ... as the engine says. */
  state: string;
  /** Published host ports. */
  ports: number[];
  projectPath: string | null;
  composeProject?: string;
  composeService?: string;
}

/** `available`, or `unavailable: <reason>` (no socket, permission denied, ...). */
export type DockerAvailability = 'available' | `unavailable: ${string}`;

export interface RuntimeSnapshot {
  /** ISO 8601. */
  takenAt: string;
  processes: ProcessInfo[];
  containers: ContainerInfo[];
  docker: DockerAvailability;
}

/** What runs for one project, summed up for the tree and the status bar. */
export interface ProjectRuntime {
  path: string;
  running: boolean;
  pids: number[];
  ports: number[];
  cpuPercent: number;
  memoryBytes: number;
  containerIds: string[];
  /** The run Optimus started for this project, while it runs. */
  runId?: string;
  /** The last exit of a process Optimus started for this project, when it was not clean. */
  crashed?: { exitCode: number | null; signal: string | null; at: string; command: string };
}
