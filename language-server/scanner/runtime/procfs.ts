/**
 * Reading /proc on Linux. Everything here is synchronous and reads into preallocated buffers: each file is one
 * open/read/close of a few hundred bytes, and on a small machine the hand-off of each async call to libuv's
 * thread pool costs more than the read itself (see util/readSmall.ts). Runs only in the server and the CLI.
 */
import { closeSync, constants, openSync, readdirSync, readlinkSync, readSync, statSync } from 'node:fs';
import { parseProcStat, parseUptime, type ProcStat } from './procStat';
import { readSmallFileSync } from '../../util/readSmall';

/**
 * USER_HZ, the unit of every tick count in /proc. It is part of the kernel's ABI and is 100 on every
 * architecture Node ships for (x86, arm, arm64, ppc64, s390x); Node offers no sysconf(_SC_CLK_TCK).
 */
export const CLOCK_TICKS = 100;

const statBuffer = Buffer.allocUnsafe(4096);
const cmdlineBuffer = Buffer.allocUnsafe(32 * 1024);

/**
 * Reads up to `buffer.length` bytes: /proc files have no size, so one fixed buffer is filled until EOF.
 * `oneRead` is for single-record files (stat), which the kernel hands over whole in one read: it saves the
 * second read that would only say EOF — a quarter of the syscalls of the per-sample loop.
 */
export function readHead(file: string, buffer: Buffer, oneRead = false): number {
  const fd = openSync(file, constants.O_RDONLY);
  try {
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0 || oneRead) break;
    }
    return length;
  } finally {
    closeSync(fd);
  }
}

/** Numeric entries of /proc: every process (threads are under /proc/<pid>/task and not listed). */
export function listPids(root = '/proc'): number[] {
  const out: number[] = [];
  for (const name of readdirSync(root)) {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push(Number(name));
  }
  return out;
}

/** null when the process is gone (ENOENT/ESRCH) or its stat does not parse. */
export function readStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(statBuffer.toString('latin1', 0, readHead(`/proc/${pid}/stat`, statBuffer, true)));
  } catch {
    return null;
  }
}

/** argv of a process; [] for kernel threads, zombies and processes that are gone. Long lines are cut at 32 KiB. */
export function readArgv(pid: number): { argv: string[]; truncated: boolean } {
  try {
    const n = readHead(`/proc/${pid}/cmdline`, cmdlineBuffer);
    const argv = cmdlineBuffer.toString('utf8', 0, n).split('\0');
    // A NUL ends each argument, so the last element is empty; processes that rewrite their title pad with NULs.
    while (argv.length > 0 && argv.at(-1) === '') argv.pop();
    return { argv, truncated: n === cmdlineBuffer.length };
  } catch {
    return { argv: [], truncated: false };
  }
}

/** The working folder; null for other users' processes (EACCES), kernel threads and processes that are gone. */
export function readCwd(pid: number): string | null {
  try {
    // A removed folder reads as "/path (deleted)"; the path still says which project the process came from.
    return readlinkSync(`/proc/${pid}/cwd`).replace(/ \(deleted\)$/, '');
  } catch {
    return null;
  }
}

/** Real uid of a process, from the owner of its /proc folder; null when gone. */
export function readUid(pid: number): number | null {
  try {
    const status = readSmallFileSync(`/proc/${pid}/status`, 1 << 16);
    if (!Buffer.isBuffer(status)) return null;
    const match = /^Uid:\s+(\d+)/m.exec(status.toString('latin1'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Socket inodes among a process's open files, or 'unreadable' (EACCES: another user's process) — the caller
 * remembers that instead of trying again. This is the expensive read: one readlink per open file.
 */
export function socketInodes(pid: number): number[] | 'unreadable' | 'gone' {
  let names: string[];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? 'unreadable' : 'gone';
  }
  const out: number[] = [];
  for (const name of names) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${name}`);
    } catch {
      continue;
    }
    if (target.startsWith('socket:[')) out.push(Number(target.slice(8, -1)));
  }
  return out;
}

const netBuffer = Buffer.allocUnsafe(128);

/**
 * The LISTEN lines at the head of /proc/net/tcp or tcp6, read a record at a time and abandoned at the first
 * line in another state. The kernel lists listening sockets first and then walks the whole established hash
 * table (262144 buckets on a machine with 16+ GB: ~5 ms per file even with no connection in it), and it only
 * walks as far as the reads ask: stopping there turns 4.5 ms into 0.3 ms with 60 connections open (measured).
 * With no connection at all the walk still runs to the end; the caller reads these files only when needed.
 */
export function readListeningLines(file: string): string {
  const fd = openSync(file, constants.O_RDONLY);
  try {
    const lines: string[] = [];
    let partial = '';
    for (;;) {
      const n = readSync(fd, netBuffer, 0, netBuffer.length, null);
      if (n === 0) break;
      const parts = (partial + netBuffer.toString('latin1', 0, n)).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        const state = line.trim().split(/\s+/, 4)[3];
        if (lines.length > 0 && state !== '0A') return lines.join('\n');
        lines.push(line);
      }
    }
    if (partial) lines.push(partial);
    return lines.join('\n');
  } finally {
    closeSync(fd);
  }
}

/** Open files of a process: /proc/<pid>/fd's size is their count since Linux 6.2 (0 before: the caller copes). */
export function openFileCount(pid: number): number {
  try {
    return statSync(`/proc/${pid}/fd`).size;
  } catch {
    return -1;
  }
}

export function readText(file: string, maxBytes = 16 << 20): string {
  const data = readSmallFileSync(file, maxBytes);
  if (!Buffer.isBuffer(data)) throw new Error(`${file} is larger than ${maxBytes} bytes`);
  return data.toString('latin1');
}

let bootMs: number | null = null;

/**
 * Boot time in ms since the epoch: now minus /proc/uptime, read once so that a process's start time stays the
 * same from sample to sample (the monitor tells processes apart by pid and start). Not /proc/stat's btime: it is
 * cut to whole seconds, which put start times up to a second before the process existed.
 */
export function bootTimeMs(): number {
  if (bootMs === null) {
    const now = Date.now();
    const uptime = parseUptime(readText('/proc/uptime'));
    if (uptime === null) throw new Error('/proc/uptime does not parse');
    bootMs = Math.round(now - uptime * 1000);
  }
  return bootMs;
}

let pageBytes: number | null = null;

/**
 * Page size, which Node does not expose: /proc/self/status gives VmRSS in kB and /proc/self/statm the same in
 * pages, read back to back; the ratio, snapped to a real page size, is the page size (4 KiB on x86, 4/16/64 KiB on arm64).
 */
export function pageSize(): number {
  if (pageBytes === null) {
    const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readText('/proc/self/status'))?.[1]);
    const pages = Number(readText('/proc/self/statm').split(' ')[1]);
    const ratio = (rssKb * 1024) / pages;
    const sizes = [4096, 16384, 65536];
    pageBytes = Number.isFinite(ratio) && pages > 0 ? sizes.reduce((a, b) => (Math.abs(b - ratio) < Math.abs(a - ratio) ? b : a)) : 4096;
  }
  return pageBytes;
}
