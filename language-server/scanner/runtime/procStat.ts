/** Parsing of /proc/<pid>/stat (proc(5)). Pure: the reading lives in procfs.ts. */

export interface ProcStat {
  pid: number;
  /** The kernel's short name (TASK_COMM_LEN, 15 bytes); may hold spaces and parentheses. */
  comm: string;
  /** R, S, D, Z, T, ... */
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  /** Controlling terminal; 0 when none. */
  ttyNr: number;
  flags: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** Clock ticks after boot. */
  startTicks: number;
  /** Resident pages; the same count statm's second field gives, so one read serves both. */
  rssPages: number;
  /**
   * Where the stack starts (field 28). Set by each exec and, under address space randomisation, different for
   * every exec: it tells a process that replaced its program by one with the same short name (a pyenv shim
   * exec'ing python, a fork of node not yet exec'd) from the program seen before. 0 when the kernel hides it
   * (another user's process) or the line is shorter.
   */
  startStack: number;
}

/** PF_KTHREAD in include/linux/sched.h: kernel threads have no command line, folder, files or ports. */
const PF_KTHREAD = 0x00200000;

export const isKernelThread = (stat: ProcStat): boolean => (stat.flags & PF_KTHREAD) !== 0 || stat.pid === 2 || stat.ppid === 2;

/**
 * The name sits between the first '(' and the LAST ')': it may itself contain ") (" and spaces, so splitting on
 * spaces or stopping at the first ')' misreads every later field. Returns null for anything malformed.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open || text[close + 1] !== ' ') return null;
  const pid = Number(text.slice(0, open).trim());
  const rest = text.slice(close + 2).trimEnd().split(' ');
  // rest[0] is field 3 (state), so field n of proc(5) is rest[n - 3].
  if (!Number.isSafeInteger(pid) || pid <= 0 || rest.length < 22) return null;
  const n = (field: number): number => Number(rest[field - 3]);
  const stat: ProcStat = {
    pid,
    comm: text.slice(open + 1, close),
    state: rest[0] ?? '',
    ppid: n(4),
    pgrp: n(5),
    session: n(6),
    ttyNr: n(7),
    flags: n(9),
    cpuTicks: n(14) + n(15),
    startTicks: n(22),
    rssPages: n(24),
    startStack: Number.isFinite(n(28)) ? n(28) : 0,
  };
  const numbers = [stat.ppid, stat.pgrp, stat.session, stat.ttyNr, stat.flags, stat.cpuTicks, stat.startTicks, stat.rssPages];
  return stat.state.length === 1 && numbers.every(Number.isFinite) ? stat : null;
}

/**
 * Seconds since boot from /proc/uptime (`12345.67 23456.78`), in hundredths: the same clock (CLOCK_BOOTTIME) and
 * precision as the start ticks in /proc/<pid>/stat. null when malformed.
 */
export function parseUptime(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s/.exec(text);
  return match ? Number(match[1]) : null;
}
