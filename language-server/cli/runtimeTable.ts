import path from 'node:path';
import type { ContainerInfo, ProcessInfo } from '../model';
import type { RuntimeReport } from './runtimeReport';
import { list } from './report';
import { renderTable } from './table';

const MAX_COMMAND_CHARS = 100;

/** Processes by project (those in no project last), then containers, then whether an engine answered. */
export function runtimeTable(report: RuntimeReport, names: ReadonlyMap<string, string>): string {
  const nameOf = (p: string | null) => (p === null ? '-' : (names.get(p) ?? path.basename(p)));
  const processes = [...report.processes].sort((a, b) => order(a, b, nameOf));
  const parts = [
    processes.length === 0 ? 'No process runs in a project or listens on a port.' : renderTable(['PROJECT', 'PID', 'PORTS', 'CPU', 'MEM', 'COMMAND'], processes.map((p) => processRow(p, nameOf))),
    '',
    report.containers.length === 0 ? 'No containers.' : renderTable(['CONTAINER', 'IMAGE', 'STATE', 'PORTS', 'PROJECT'], report.containers.map((c) => containerRow(c, nameOf))),
    `docker: ${report.docker}`,
  ];
  return parts.join('\n');
}

function order(a: ProcessInfo, b: ProcessInfo, nameOf: (p: string | null) => string): number {
  if ((a.projectPath === null) !== (b.projectPath === null)) return a.projectPath === null ? 1 : -1;
  return nameOf(a.projectPath).localeCompare(nameOf(b.projectPath)) || a.pid - b.pid;
}

function processRow(p: ProcessInfo, nameOf: (p: string | null) => string): string[] {
  const cpu = p.cpuPercent === null ? '-' : `${p.cpuPercent.toFixed(1)}%`;
  const command = p.command.length > MAX_COMMAND_CHARS ? p.command.slice(0, MAX_COMMAND_CHARS - 1) + '…' : p.command;
  return [nameOf(p.projectPath), String(p.pid), list(p.ports, '-'), cpu, megabytes(p.memoryBytes), command];
}

function containerRow(c: ContainerInfo, nameOf: (p: string | null) => string): string[] {
  return [c.name, c.image, c.state, list(c.ports, '-'), nameOf(c.projectPath)];
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
