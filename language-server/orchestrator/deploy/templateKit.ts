import type { Manifest, Stack } from '../../model';
import type { DockerfileResult } from './types';

export type Ecosystem = 'node' | 'python' | 'go' | 'rust' | 'java' | 'ruby' | 'php' | 'dotnet';

/** What a template gets: the project's listing and manifests, and a place for notes. */
export interface TemplateContext {
  dir: string;
  names: ReadonlySet<string>;
  stack: Stack;
  manifests: readonly Manifest[];
  notes: string[];
  /** Whether the project depends on `name` (from the manifests, else from the manifest files' text). */
  hasDependency(name: string): Promise<boolean>;
  /** A project file's text; undefined (with a note when it exists but cannot be read) otherwise. */
  text(name: string): Promise<string | undefined>;
}

export type Template = (ctx: TemplateContext) => Promise<DockerfileResult>;

/** Dockerfile text from lines; `null`/`false` lines are dropped so templates can write conditionals inline. */
export const lines = (...parts: (string | null | false | undefined)[]): string => `${parts.filter((p): p is string => typeof p === 'string').join('\n')}\n`;

const COMMON_IGNORES = ['.git', '.gitignore', '.dockerignore', 'Dockerfile*', '*.log', '.env', '.env.*', '.vscode', '.idea', '.DS_Store', 'coverage'];

/** Secrets (.env) and local build output stay out of the build context: smaller, faster, and nothing leaks into a layer. */
export const dockerignore = (...extra: string[]): string => `${[...COMMON_IGNORES, ...extra].join('\n')}\n`;

/** The first `major.minor` (or `major`) version number in a version spec, e.g. `>=3.11,<4` -> `3.11`. */
export function versionIn(spec: string | undefined, digits: 1 | 2 = 2): string | undefined {
  const m = spec ? /(\d+)(?:\.(\d+))?/.exec(spec) : null;
  if (!m?.[1]) return undefined;
  return digits === 1 || m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
}
