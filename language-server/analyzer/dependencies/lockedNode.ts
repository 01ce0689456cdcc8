/**
 * What the yarn and pnpm lockfile parsers hand back: installed packages shaped like npm's LockNode, so the OSV
 * matcher and dependencyPlaces treat every lockfile alike.
 */
import type { LockNode } from './npmLockfile';

export interface LockedNode extends LockNode {
  /** The version the project's own package.json asks for (npm: installed at `node_modules/<name>`). */
  top: boolean;
  /** 1-based line of the package's entry in the lockfile; npm lockfiles leave it to dependencyPlaces' key search. */
  line?: number;
}

export type LockParse = { ok: true; nodes: Map<string, LockedNode>; notes: string[] } | { ok: false; reason: string };

/** One entry of a lockfile as a parser saw it; several entries (descriptors, peer variants) can make one node. */
export interface EntryFacts {
  name: string;
  version: string;
  dev: boolean;
  top: boolean;
  line: number | undefined;
}

/**
 * Merges entries into nodes keyed `<lockfile>:<name>@<version>`. A node is dev-only only when every entry behind
 * it is: one runtime path is enough for the package to ship.
 */
export class NodeCollector {
  readonly nodes = new Map<string, LockedNode>();

  constructor(private readonly lockfile: string) {}

  add(facts: EntryFacts): void {
    const location = `${this.lockfile}:${facts.name}@${facts.version}`;
    const known = this.nodes.get(location);
    if (!known) {
      const { name, version, dev, top, line } = facts;
      this.nodes.set(location, { location, name, version, dev, top, ...(line === undefined ? {} : { line }) });
      return;
    }
    known.dev &&= facts.dev;
    known.top ||= facts.top;
    if (facts.line !== undefined && (known.line === undefined || facts.line < known.line)) known.line = facts.line;
  }
}

/**
 * npm's rules, loosely (old packages may have capitals): an optional `@scope/`, then one path segment that does not
 * start with a dot. Keys such as `../../etc/passwd@1.0.0` are not packages and are skipped.
 */
export function isPackageName(name: string): boolean {
  return /^(?:@[a-z0-9~-][\w.~-]*\/)?[a-z0-9~-][\w.~-]*$/i.test(name);
}

/** Problems with single entries: the rest of the lockfile is still checked, and one note says what was skipped. */
export class EntryProblems {
  private count = 0;
  private readonly examples: string[] = [];

  add(problem: string): void {
    this.count++;
    if (this.examples.length < 3) this.examples.push(problem);
  }

  notes(label: string): string[] {
    if (this.count === 0) return [];
    const what = this.count === 1 ? 'a part that could not be read' : `${this.count} parts that could not be read`;
    return [`${label} has ${what}, and ${this.count === 1 ? 'it was' : 'they were'} not checked for known vulnerabilities (${this.examples.join('; ')}${this.count > 3 ? '; …' : ''}).`];
  }
}
