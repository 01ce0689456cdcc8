/**
 * Parsers for macOS's `ps` and `lsof` output. UNTESTED ON A REAL macOS MACHINE: the samples in the unit tests
 * were written from the tools' documented formats (ps(1), lsof(8) "OUTPUT FOR OTHER PROGRAMS").
 */

export interface PsRow {
  pid: number;
  ppid: number;
  rssBytes: number;
  /** ps's %cpu: a decaying average over about a minute, as a share of one core. */
  cpuPercent: number;
  startedAt: string;
  command: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `ps -axww -o pid=,ppid=,rss=,%cpu=,lstart=,command=` under LC_ALL=C. lstart is always five words
 * (`Mon Jan  1 10:00:00 2024`, local time), so it is taken by count and the command is the rest of the line,
 * spaces and all. Lines that do not fit are skipped.
 */
export function parsePs(text: string): PsRow[] {
  const out: PsRow[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})\s?(.*)$/.exec(line);
    if (!m) continue;
    const month = MONTHS.indexOf(m[5] as string);
    if (month < 0) continue;
    const started = new Date(Number(m[10]), month, Number(m[6]), Number(m[7]), Number(m[8]), Number(m[9]));
    out.push({
      pid: Number(m[1]),
      ppid: Number(m[2]),
      rssBytes: Number(m[3]) * 1024,
      cpuPercent: Number(m[4]),
      startedAt: started.toISOString(),
      command: (m[11] ?? '').trim(),
    });
  }
  return out;
}

/**
 * `lsof -nP -iTCP -sTCP:LISTEN -F pn`: a `p<pid>` line starts each process, then an `f<fd>` and an `n<name>`
 * line per socket, where the name is `*:3000`, `127.0.0.1:5432` or `[::1]:8080`. The machine-readable form is
 * used rather than the table because lsof shortens and escapes the COMMAND column.
 */
export function parseLsofListen(text: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let pid: number | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('p')) pid = toPid(line.slice(1));
    else if (line.startsWith('n') && pid !== null) {
      const port = Number(/:(\d+)(?:\s|$|->)/.exec(line.slice(1))?.[1]);
      if (!Number.isInteger(port) || port <= 0 || port > 65535 || line.includes('->')) continue;
      const list = out.get(pid) ?? [];
      if (!list.includes(port)) list.push(port);
      out.set(pid, list.sort((a, b) => a - b));
    }
  }
  return out;
}

/** `lsof -a -d cwd -p 1,2,3 -F n`: `p<pid>`, `fcwd`, `n<path>` per process. */
export function parseLsofCwd(text: string): Map<number, string> {
  const out = new Map<number, string>();
  let pid: number | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('p')) pid = toPid(line.slice(1));
    else if (line.startsWith('n') && pid !== null && line.length > 1) out.set(pid, line.slice(1));
  }
  return out;
}

function toPid(text: string): number | null {
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
