/** What runs for each project, summed up for the tree and the status bar. */
import type { ProcessInfo, ProjectRuntime } from '../../model';
import { isInteractiveShell } from './guard';

/**
 * One entry per project path given, running or not. A shell sitting at a prompt in the project folder does
 * not make it running (every project with an open terminal would look busy); what the shell started does.
 * CPU is the sum of shares of one core (so it can pass 100 on several cores); processes on their first sample
 * count as 0.
 */
export function summarise(processes: readonly ProcessInfo[], projectPaths: readonly string[]): Map<string, ProjectRuntime> {
  const out = new Map<string, ProjectRuntime>();
  for (const p of projectPaths) out.set(p, { path: p, running: false, pids: [], ports: [], cpuPercent: 0, memoryBytes: 0, containerIds: [] });
  for (const proc of processes) {
    const entry = proc.projectPath === null ? undefined : out.get(proc.projectPath);
    if (!entry || isInteractiveShell(proc.command)) continue;
    entry.running = true;
    entry.pids.push(proc.pid);
    for (const port of proc.ports) if (!entry.ports.includes(port)) entry.ports.push(port);
    entry.cpuPercent = Math.round((entry.cpuPercent + (proc.cpuPercent ?? 0)) * 10) / 10;
    entry.memoryBytes += proc.memoryBytes;
  }
  for (const entry of out.values()) {
    entry.pids.sort((a, b) => a - b);
    entry.ports.sort((a, b) => a - b);
  }
  return out;
}
