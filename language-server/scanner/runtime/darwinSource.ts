/**
 * The process table on macOS, from `ps` and `lsof` (there is no /proc). UNTESTED ON A REAL macOS MACHINE; the
 * parsers are unit-tested on samples written from the documented formats. Each sample spawns ps and lsof, so
 * the idle cost is well above Linux's; working folders are asked of lsof only for processes not seen before.
 */
import { parseLsofCwd, parseLsofListen, parsePs, type PsRow } from './darwinParse';
import { runTool } from './exec';
import { maskCommandLine } from './mask';
import type { ProcessRow, ProcessSource, SourceStats } from './types';

interface Known {
  startedAt: string;
  command: string;
  cwd: string | null;
}

const CWD_BATCH = 200;

export class DarwinSource implements ProcessSource {
  readonly platform = 'darwin';
  readonly stats: SourceStats = { processes: 0, newProcesses: 0, fdScans: 0, listeningSockets: 0, socketTableReads: 0 };
  private known = new Map<number, Known>();

  async collect(): Promise<ProcessRow[]> {
    const ps = await runTool('ps', ['-axww', '-o', 'pid=,ppid=,rss=,%cpu=,lstart=,command=']);
    const rows = parsePs(ps.stdout).filter((r) => r.pid !== 0);
    const fresh = rows.filter((r) => this.known.get(r.pid)?.startedAt !== r.startedAt);
    const cwds = await this.cwdsOf(fresh.map((r) => r.pid));
    const next = new Map<number, Known>();
    const out = rows.map((r) => {
      const before = this.known.get(r.pid);
      const known = before && before.startedAt === r.startedAt ? before : { startedAt: r.startedAt, command: maskCommandLine(r.command), cwd: cwds.get(r.pid) ?? null };
      next.set(r.pid, known);
      return toRow(r, known, known !== before);
    });
    this.known = next;
    this.stats.processes = out.length;
    this.stats.newProcesses = fresh.length;
    return out;
  }

  async ports(): Promise<Map<number, number[]>> {
    const lsof = await runTool('lsof', ['-nP', '-iTCP', '-sTCP:LISTEN', '-F', 'pn']);
    const byPid = parseLsofListen(lsof.stdout);
    this.stats.listeningSockets = [...byPid.values()].reduce((n, list) => n + list.length, 0);
    this.stats.socketTableReads++;
    return byPid;
  }

  private async cwdsOf(pids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let i = 0; i < pids.length; i += CWD_BATCH) {
      const batch = pids.slice(i, i + CWD_BATCH).join(',');
      // lsof exits 1 when a pid has gone or is not ours; what it did print is still right.
      const lsof = await runTool('lsof', ['-a', '-d', 'cwd', '-p', batch, '-F', 'n']).catch(() => ({ stdout: '', code: null }));
      for (const [pid, cwd] of parseLsofCwd(lsof.stdout)) out.set(pid, cwd);
    }
    return out;
  }
}

function toRow(r: PsRow, known: Known, isNew: boolean): ProcessRow {
  return {
    pid: r.pid,
    ppid: r.ppid,
    // ps gives one line, not argv: the first word stands in for argv[0] (wrong for paths with spaces).
    argv0: r.command.split(' ')[0] ?? '',
    command: known.command,
    cwd: known.cwd,
    cpuPercent: r.cpuPercent,
    memoryBytes: r.rssBytes,
    startedAt: r.startedAt,
    isNew,
  };
}
