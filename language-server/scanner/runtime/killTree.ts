/**
 * Stopping a process and everything it started. The whole tree is collected from the process table first,
 * because once a parent dies its children are re-parented (to init or a subreaper) and can no longer be found
 * by ancestry. Then `signal` goes to every process, parents before children: a supervisor (npm, nodemon,
 * concurrently) learns it is stopping before its children die and does not restart them, and a child killed
 * twice — once by us, once forwarded by its parent — only exits once. When the root leads a process group that
 * holds nothing but the tree (a terminal job: `npm run dev` → `sh -c vite` → `node vite`), the group is
 * signalled too, which also reaches a child forked after the table was read. After `graceMs`, SIGKILL.
 */
import type { ProcessInfo } from '../../model';
import { ancestorsOf, isInteractiveShell, protectedPids } from './guard';
import { platformTable, type ProcessTable, type TableEntry } from './processTable';

export interface KillOptions {
  /** How long processes get to exit after `signal` before SIGKILL. */
  graceMs?: number;
  signal?: NodeJS.Signals;
  /** How often /proc is asked whether they are gone. */
  pollMs?: number;
  /** For tests; the platform's table by default. */
  table?: ProcessTable;
}

export interface KillResult {
  /** Gone within the grace period after `signal`. */
  exited: number[];
  /** Still there after the grace period, sent SIGKILL, and gone since. */
  killed: number[];
  /** Not signalled, with why: another user's, Optimus itself or its ancestors, already gone. */
  skipped: Array<{ pid: number; reason: string }>;
  /** Still there even after SIGKILL (uninterruptible sleep, or a signal we were not allowed to send). */
  remaining: number[];
}

const RECOLLECT_EVERY_MS = 250;
const AFTER_KILL_MS = 2000;

export async function killTree(rootPid: number, options: KillOptions = {}): Promise<KillResult> {
  return killTrees([rootPid], options);
}

/** Stops several trees at once, so one grace period covers them all. */
export async function killTrees(rootPids: readonly number[], options: KillOptions = {}): Promise<KillResult> {
  const table = options.table ?? platformTable();
  const entries = await table.list();
  const result: KillResult = { exited: [], killed: [], skipped: [], remaining: [] };
  const targets = collect(rootPids, entries, result, table);
  const groups = safeGroups(rootPids, entries, targets);
  send(targets, groups, options.signal ?? 'SIGTERM', result);
  const left = await waitGone(targets, groups, options, result, table);
  const exitedEarly = new Set(targets.keys());
  for (const pid of left.keys()) exitedEarly.delete(pid);
  result.exited = [...exitedEarly].filter((pid) => !result.skipped.some((s) => s.pid === pid));
  if (left.size > 0) {
    send(left, groups, 'SIGKILL', result);
    const stubborn = await pollUntil(left, table, Date.now() + AFTER_KILL_MS, options.pollMs ?? 50);
    result.killed = [...left.keys()].filter((pid) => !stubborn.has(pid) && !result.skipped.some((s) => s.pid === pid));
    result.remaining = [...stubborn.keys()];
  }
  for (const list of [result.exited, result.killed, result.remaining]) list.sort((a, b) => a - b);
  return result;
}

/** The trees below the roots, in breadth-first order (parents first), minus what must not be touched. */
function collect(rootPids: readonly number[], entries: readonly TableEntry[], result: KillResult, table: ProcessTable): Map<number, TableEntry> {
  const byPid = new Map(entries.map((e) => [e.pid, e]));
  const ancestors = new Set(ancestorsOf(process.pid, (p) => byPid.get(p)?.ppid));
  // The same set the snapshot keeps out of projects, so a pid asked for by hand is refused just the same.
  const untouchable = new Set([1, process.pid, ...ancestors, ...protectedPids(entries)]);
  const children = childrenOf(entries);
  const myUid = process.getuid?.();
  const out = new Map<number, TableEntry>();
  const queue: number[] = [];
  for (const pid of new Set(rootPids)) {
    if (!byPid.has(pid)) result.skipped.push({ pid, reason: 'no such process (it has already exited)' });
    else if (untouchable.has(pid)) result.skipped.push({ pid, reason: reasonFor(pid, ancestors) });
    else queue.push(pid);
  }
  for (let i = 0; i < queue.length; i++) {
    const pid = queue[i] as number;
    const entry = byPid.get(pid);
    if (!entry || out.has(pid) || untouchable.has(pid)) continue;
    const uid = table.ownerUid(pid);
    if (myUid !== undefined && uid !== null && uid !== myUid) result.skipped.push({ pid, reason: `belongs to another user (uid ${uid}); Optimus stops only your own processes` });
    else out.set(pid, entry);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

const reasonFor = (pid: number, ancestors: ReadonlySet<number>): string =>
  pid === 1
    ? 'pid 1 (init) is never stopped'
    : pid === process.pid
      ? 'this is Optimus itself'
      : ancestors.has(pid)
        ? 'an ancestor of Optimus (the editor or its terminal) is never stopped'
        : 'a helper of the editor that runs Optimus (same program as its parent) is never stopped';

function childrenOf(entries: readonly TableEntry[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const e of entries) if (e.ppid !== e.pid) (out.get(e.ppid) ?? out.set(e.ppid, []).get(e.ppid)!).push(e.pid);
  return out;
}

/** Roots that lead a process group whose every member is a target: the group can be signalled as one. */
function safeGroups(rootPids: readonly number[], entries: readonly TableEntry[], targets: ReadonlyMap<number, TableEntry>): number[] {
  return rootPids.filter((pid) => {
    const root = targets.get(pid);
    if (!root || root.pgrp !== pid || process.platform === 'win32') return false;
    return entries.every((e) => e.pgrp !== pid || targets.has(e.pid));
  });
}

function send(targets: ReadonlyMap<number, TableEntry>, groups: readonly number[], signal: NodeJS.Signals, result: KillResult): void {
  for (const pid of targets.keys()) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPERM' && !result.skipped.some((s) => s.pid === pid)) result.skipped.push({ pid, reason: `not allowed to signal it (EPERM)` });
    }
  }
  for (const group of groups) {
    try {
      process.kill(-group, signal);
    } catch {
      // The group has emptied already.
    }
  }
}

/** Waits for the targets to go, picking up children they fork meanwhile; returns those still running. */
async function waitGone(targets: Map<number, TableEntry>, groups: readonly number[], options: KillOptions, result: KillResult, table: ProcessTable): Promise<Map<number, TableEntry>> {
  const deadline = Date.now() + (options.graceMs ?? 5000);
  const pollMs = options.pollMs ?? 50;
  let left = new Map(targets);
  while (left.size > 0 && Date.now() < deadline) {
    left = await pollUntil(left, table, Math.min(deadline, Date.now() + RECOLLECT_EVERY_MS), pollMs);
    if (left.size === 0) break;
    const late = lateChildren(left, await table.list(), targets);
    for (const entry of late) targets.set(entry.pid, entry);
    if (late.length > 0) send(new Map(late.map((e) => [e.pid, e])), groups, options.signal ?? 'SIGTERM', result);
    for (const entry of late) left.set(entry.pid, entry);
  }
  return left;
}

/** Children forked by a still-running target after the tree was collected. */
function lateChildren(left: ReadonlyMap<number, TableEntry>, entries: readonly TableEntry[], known: ReadonlyMap<number, TableEntry>): TableEntry[] {
  return entries.filter((e) => left.has(e.ppid) && !known.has(e.pid) && e.pid !== process.pid);
}

async function pollUntil(left: ReadonlyMap<number, TableEntry>, table: ProcessTable, until: number, pollMs: number): Promise<Map<number, TableEntry>> {
  let current = new Map(left);
  for (;;) {
    const still = new Map<number, TableEntry>();
    for (const [pid, entry] of current) if (await table.running(entry)) still.set(pid, entry);
    current = still;
    if (current.size === 0 || Date.now() >= until) return current;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Stops what runs for one project: every tree whose root is in the project and whose parent is not (or is a
 * shell at a prompt, which stays open). `processes` is a recent snapshot; the trees are read afresh.
 */
export async function stopProject(projectPath: string, processes: readonly ProcessInfo[], options: KillOptions = {}): Promise<KillResult> {
  const inProject = new Map(processes.filter((p) => p.projectPath === projectPath).map((p) => [p.pid, p]));
  const roots = [...inProject.values()].filter((p) => {
    if (isInteractiveShell(p.command)) return false;
    const parent = inProject.get(p.ppid);
    return !parent || isInteractiveShell(parent.command);
  });
  if (roots.length === 0) return { exited: [], killed: [], skipped: [], remaining: [] };
  return killTrees(roots.map((p) => p.pid), options);
}
