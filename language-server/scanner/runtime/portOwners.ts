/**
 * Which process owns each listening TCP socket, found by listing /proc/<pid>/fd — the one expensive read of a
 * sample — and so done incrementally: owners are cached by inode, and fds are listed only while some listening
 * inode has no known owner, in order of likelihood (processes in projects, then new ones, then the rest),
 * stopping as soon as every inode is placed. An inode no process had when every one was listed is set aside,
 * and only processes not listed since are searched for it: its owner may have started after the process table
 * was read (a server that listened within the sample), and it must not stay unplaced for as long as it listens.
 */
import { socketInodes } from './procfs';
import type { ListeningSocket } from './procNet';

export interface OwnerCandidate {
  pid: number;
  /** Start time in ticks: a pid reused by a new process is a different process. */
  start: number;
  isNew: boolean;
  inProject: boolean;
}

interface Owner {
  pid: number;
  start: number;
}

export class PortOwners {
  private readonly owners = new Map<number, Owner>();
  /**
   * Inodes a full pass could not place: another user's or another pid namespace's process (for good), or one
   * that started after the table was read (until it is listed).
   */
  private readonly unowned = new Set<number>();
  /** pid → start of the processes whose fds were listed since the oldest unowned inode appeared. */
  private readonly listed = new Map<number, number>();
  /** pid → start of processes whose fds are unreadable (EACCES). */
  private readonly unreadable = new Map<number, number>();
  /** How many processes the last call listed the fds of. */
  scanned = 0;

  resolve(sockets: readonly ListeningSocket[], candidates: readonly OwnerCandidate[]): Map<number, number[]> {
    this.scanned = 0;
    const alive = new Map(candidates.map((c) => [c.pid, c.start]));
    const portsOf = new Map<number, Set<number>>();
    for (const s of sockets) (portsOf.get(s.inode) ?? portsOf.set(s.inode, new Set()).get(s.inode)!).add(s.port);
    this.forget(portsOf, alive);
    const missing = new Set([...portsOf.keys()].filter((inode) => !this.owners.has(inode) && !this.unowned.has(inode)));
    if (missing.size > 0) this.search(missing, portsOf, candidates);
    if (this.unowned.size > 0) this.searchUnlisted(portsOf, candidates);
    const byPid = new Map<number, number[]>();
    for (const [inode, owner] of this.owners) {
      const list = byPid.get(owner.pid) ?? [];
      for (const port of portsOf.get(inode) ?? []) if (!list.includes(port)) list.push(port);
      byPid.set(owner.pid, list);
    }
    for (const list of byPid.values()) list.sort((a, b) => a - b);
    return byPid;
  }

  /** Drops what no longer holds: closed sockets, dead owners (the socket may live on in a child that shared it). */
  private forget(listening: ReadonlyMap<number, unknown>, alive: ReadonlyMap<number, number>): void {
    for (const [inode, owner] of this.owners) {
      if (!listening.has(inode) || alive.get(owner.pid) !== owner.start) this.owners.delete(inode);
    }
    for (const inode of this.unowned) if (!listening.has(inode)) this.unowned.delete(inode);
    for (const [pid, start] of this.unreadable) if (alive.get(pid) !== start) this.unreadable.delete(pid);
    for (const [pid, start] of this.listed) if (alive.get(pid) !== start) this.listed.delete(pid);
  }

  /** Lists fds in order until every missing inode is placed; what a pass over everything misses is set aside. */
  private search(missing: Set<number>, listening: ReadonlyMap<number, unknown>, candidates: readonly OwnerCandidate[]): void {
    const rank = (c: OwnerCandidate): number => (c.inProject ? 0 : c.isNew ? 1 : 2);
    const ordered = candidates.filter((c) => !this.unreadable.has(c.pid)).sort((a, b) => rank(a) - rank(b) || b.pid - a.pid);
    for (const c of ordered) {
      if (missing.size === 0) return;
      this.scan(c, missing, listening);
    }
    for (const inode of missing) this.unowned.add(inode);
    // Every process was just listed: only those that come later can own what is set aside.
    this.listed.clear();
    for (const c of ordered) this.listed.set(c.pid, c.start);
  }

  /** Processes not listed since the unowned inodes appeared are searched for them, once each. */
  private searchUnlisted(listening: ReadonlyMap<number, unknown>, candidates: readonly OwnerCandidate[]): void {
    for (const c of candidates) {
      if (this.unowned.size === 0) return;
      if (this.listed.get(c.pid) === c.start || this.unreadable.has(c.pid)) continue;
      this.scan(c, this.unowned, listening);
      this.listed.set(c.pid, c.start);
    }
  }

  /** Lists one process's fds, records every listening socket it holds, and removes them from `wanted`. */
  private scan(c: OwnerCandidate, wanted: Set<number>, listening: ReadonlyMap<number, unknown>): void {
    this.scanned++;
    const inodes = socketInodes(c.pid);
    if (inodes === 'unreadable') this.unreadable.set(c.pid, c.start);
    if (!Array.isArray(inodes)) return;
    for (const inode of inodes) {
      // Record every listening socket found, not just the wanted ones: a shared socket keeps its first owner.
      if (listening.has(inode) && !this.owners.has(inode)) this.owners.set(inode, { pid: c.pid, start: c.start });
      wanted.delete(inode);
      this.unowned.delete(inode);
    }
  }
}
