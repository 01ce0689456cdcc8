/** `process`: one command Optimus runs and watches. `compose`: containers, watched through the Docker API. */
export type StartKind = 'process' | 'compose';

/** Where a start command came from; shown to the user next to the command so they know why it was chosen. */
export type StartSource =
  | `package.json script ${string}`
  | `deno task ${string}`
  | 'docker compose'
  | 'Makefile run'
  | 'django'
  | 'fastapi'
  | 'flask'
  | 'rails'
  | 'laravel'
  | 'phoenix'
  | 'Procfile web'
  | 'cargo'
  | 'go'
  | 'dotnet';

/** A way to start a project, found by reading its files. Nothing is run to find one. */
export interface StartCandidate {
  /** Stable within a project (`package.json#dev`, `compose`, `go#cmd/api`), for picking one in a UI. */
  id: string;
  label: string;
  /** The exact shell command line, run in `cwd`. */
  command: string;
  /** Absolute path. */
  cwd: string;
  source: StartSource;
  kind: StartKind;
  /** The port the command will most likely listen on, when the files say or the tool has a well-known default. */
  expectedPort?: number;
}

/** A candidate before the shared parts (cwd, ranking) are filled in by detect.ts. */
export type Found = Omit<StartCandidate, 'cwd'>;
