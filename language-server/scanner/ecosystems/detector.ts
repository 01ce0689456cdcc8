import type { Finding, Manifest } from '../../model';

/** What one ecosystem found in a folder; identify.ts merges the detections of all ecosystems present. */
export interface Detection {
  languages?: readonly string[];
  frameworks?: readonly string[];
  packageManagers?: readonly string[];
  manifests?: readonly Manifest[];
}

/** Read access to one project folder that turns every read or parse problem into a finding. */
export interface DetectContext {
  readonly dir: string;
  readonly names: ReadonlySet<string>;
  readonly findings: Finding[];
  /** Parsed documents by file name, handed on to the workspace reader so nothing is read twice. */
  readonly parsed: Map<string, unknown>;
  path(name: string): string;
  /** The file's text; undefined (with a finding, unless `optional` and simply absent) when it cannot be read. */
  text(name: string, optional?: boolean): Promise<string | undefined>;
  /** A JSON object; undefined with a finding when unreadable, malformed or not an object. */
  json(name: string, optional?: boolean): Promise<Record<string, unknown> | undefined>;
  jsonc(name: string, optional?: boolean): Promise<Record<string, unknown> | undefined>;
  toml(name: string, optional?: boolean): Promise<Record<string, unknown> | undefined>;
  /** A YAML mapping; undefined with a finding otherwise. */
  yaml(name: string, optional?: boolean): Promise<Record<string, unknown> | undefined>;
  /** Records a problem found after parsing (a field of the wrong type); the message names the file. */
  malformed(name: string, message: string, line?: number): void;
}

/** One kind of project. `applies` looks at the listing only; `detect` reads what it needs through the context. */
export interface Detector {
  readonly id: string;
  applies(names: ReadonlySet<string>): boolean;
  detect(ctx: DetectContext): Promise<Detection>;
}
