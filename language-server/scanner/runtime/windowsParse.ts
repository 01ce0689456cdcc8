/**
 * Parsers for Windows's process tools. UNTESTED ON A REAL WINDOWS MACHINE: the samples in the unit tests were
 * written from the documented formats (Win32_Process, ConvertTo-Json, netstat). `wmic` is not used: it is gone
 * from current Windows 11, and its CSV does not quote command lines, which hold commas.
 */

export interface Win32ProcessRow {
  pid: number;
  ppid: number;
  workingSetBytes: number;
  /** UserModeTime + KernelModeTime, in 100 ns units. */
  cpuTime100ns: number;
  startedAt: string;
  commandLine: string;
}

/**
 * The PowerShell pipeline whose JSON `parseWin32Processes` reads. The creation date is turned into an ISO
 * string in PowerShell because ConvertTo-Json writes DateTime differently in 5.1 (`\/Date(ms)\/`) and 7.
 */
export const WIN32_PROCESS_SCRIPT = [
  'Get-CimInstance Win32_Process |',
  'Select-Object ProcessId,ParentProcessId,WorkingSetSize,UserModeTime,KernelModeTime,CommandLine,Name,',
  "@{n='Created';e={if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } else { $null }}} |",
  'ConvertTo-Json -Compress',
].join(' ');

/** One object or an array (ConvertTo-Json unwraps a single result); entries missing a pid are skipped. */
export function parseWin32Processes(json: string): Win32ProcessRow[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, '').trim() || '[]');
  } catch {
    return [];
  }
  const list = Array.isArray(data) ? data : [data];
  const out: Win32ProcessRow[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const pid = num(o.ProcessId);
    if (pid === null) continue;
    const name = typeof o.Name === 'string' ? o.Name : '';
    out.push({
      pid,
      ppid: num(o.ParentProcessId) ?? 0,
      workingSetBytes: num(o.WorkingSetSize) ?? 0,
      cpuTime100ns: (num(o.UserModeTime) ?? 0) + (num(o.KernelModeTime) ?? 0),
      startedAt: parseWindowsDate(o.Created ?? o.CreationDate) ?? new Date(0).toISOString(),
      // System processes have no command line (or we may not read it): show the image name, as Task Manager does.
      commandLine: typeof o.CommandLine === 'string' && o.CommandLine.trim() !== '' ? o.CommandLine.trim() : `[${name}]`,
    });
  }
  return out;
}

/** ISO strings, 5.1's `\/Date(ms)\/`, and CIM's DMTF form `20240101100000.123456+060` (minutes from UTC). */
export function parseWindowsDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = /^\/?Date\((-?\d+)\)\/?$/.exec(value.replace(/\\/g, ''));
  if (ms) return new Date(Number(ms[1])).toISOString();
  const dmtf = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{6})([+-])(\d{3})$/.exec(value);
  if (dmtf) {
    const [, y, mo, d, h, mi, s, micro, sign, offset] = dmtf;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.floor(Number(micro) / 1000));
    return new Date(utc - (sign === '+' ? 1 : -1) * Number(offset) * 60000).toISOString();
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * `netstat -ano`: TCP rows whose foreign address is `0.0.0.0:0` or `[::]:0` are listening. The state column
 * is not read: Windows translates it (ABHÖREN, ÉCOUTE, ...).
 */
export function parseNetstat(text: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || f[0]?.toUpperCase() !== 'TCP') continue;
    if (!/^(0\.0\.0\.0|\[::\]):0$/.test(f[2] ?? '')) continue;
    const port = Number(/:(\d+)$/.exec(f[1] ?? '')?.[1]);
    const pid = Number(f.at(-1));
    if (!Number.isInteger(port) || port <= 0 || port > 65535 || !Number.isSafeInteger(pid) || pid <= 0) continue;
    const list = out.get(pid) ?? [];
    if (!list.includes(port)) list.push(port);
    out.set(pid, list.sort((a, b) => a - b));
  }
  return out;
}

/** Absolute Windows paths in a command line (quoted or not): where the folder is unknown, they place the process. */
export function windowsPathHints(commandLine: string): string[] {
  const out: string[] = [];
  for (const m of commandLine.matchAll(/"([A-Za-z]:\\[^"]*)"|(?:^|\s|=)([A-Za-z]:\\[^\s"]*)/g)) {
    const hint = (m[1] ?? m[2] ?? '').replace(/\\+$/, '');
    if (hint) out.push(hint);
  }
  return out;
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}
