/** Processes Optimus must never stop, and processes that do not make a project "running". */

export interface Kin {
  pid: number;
  ppid: number;
  /** argv[0] as the process was started (not masked, not joined). */
  argv0: string;
}

/**
 * Optimus itself and its ancestors (the editor, the terminal, init), plus direct children of an ancestor that
 * run the ancestor's own program: the editor's helpers (renderer, GPU, pty host, extension host), whose folder
 * is often the project the editor was opened in. Killing a project must never reach them.
 */
export function protectedPids(rows: readonly Kin[], self = process.pid): Set<number> {
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const ancestors = new Set<number>([self, 1]);
  for (let cursor = byPid.get(self); cursor && !ancestors.has(cursor.ppid) && cursor.ppid > 0; cursor = byPid.get(cursor.ppid)) {
    ancestors.add(cursor.ppid);
  }
  const result = new Set(ancestors);
  for (const row of rows) {
    const parent = byPid.get(row.ppid);
    // Children of Optimus itself are what it started for projects, never the editor's.
    if (!parent || parent.pid === 1 || parent.pid === self || !ancestors.has(parent.pid)) continue;
    if (row.argv0 !== '' && row.argv0 === parent.argv0) result.add(row.pid);
  }
  return result;
}

/** Ancestors of `pid` (parent first), not including it; stops at cycles. */
export function ancestorsOf(pid: number, parentOf: (pid: number) => number | undefined): number[] {
  const out: number[] = [];
  for (let p = parentOf(pid); p !== undefined && p > 0 && p !== pid && !out.includes(p); p = parentOf(p)) out.push(p);
  return out;
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'fish', 'dash', 'ksh', 'mksh', 'tcsh', 'csh', 'nu', 'elvish', 'xonsh', 'pwsh', 'powershell', 'cmd']);

/**
 * A shell sitting at a prompt in a project folder (`-bash`, `zsh -l`, `pwsh -NoLogo`): it does not make the
 * project "running", and stopping the project leaves it open (only what it started is stopped). A shell
 * running a command (`sh -c 'node server.js'`, `bash script.sh`) is not one.
 */
export function isInteractiveShell(command: string): boolean {
  const parts = command.trim().split(/\s+/);
  const program = (parts[0] ?? '').replace(/^'|'$/g, '').replace(/^-/, '');
  const base = program.split(/[\\/]/).at(-1)?.toLowerCase().replace(/\.exe$/, '') ?? '';
  if (!SHELLS.has(base)) return false;
  return parts.slice(1).every((a) => /^-/.test(a) && !/^-(c|command|encodedcommand|file)$/i.test(a) && a !== '/c' && a !== '/k');
}
