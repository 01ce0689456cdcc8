export type DeployKind = 'dockerfile' | 'compose' | 'fly' | 'vercel' | 'netlify' | 'procfile' | 'github-actions' | 'render' | 'railway';

/** A way the project is (or could be) deployed, found from the files it has. */
export interface DeployTarget {
  kind: DeployKind;
  /** Absolute path of the file it was found from. */
  file: string;
  label: string;
  /**
   * The exact command line to run from the project folder to deploy (file names double-quoted when needed, which
   * sh and cmd.exe read alike); absent when deploying is not a command (a push, a dashboard) or a name cannot be
   * quoted safely (then a note says so).
   */
  suggestedCommand?: string;
  /** What was read from the file (apps, jobs, services), and problems reading it. */
  notes: string[];
}

/** A Dockerfile proposal: text only; the caller previews it and writes it after the user confirms. */
export interface DockerfileResult {
  /** Which template was used (`node-next`, `python-django`, ...); null when no template fits the stack. */
  template: string | null;
  dockerfile: string;
  dockerignore: string;
  /** The port EXPOSEd (the framework's default), when the image serves one. */
  port?: number;
  /** Assumptions made and things to check before building. */
  notes: string[];
}
