import type { ProcessInfo } from '../../model';
import type { ListeningPort } from './types';

/** The runtime monitor's processes as the port check takes them: one row per listening port. */
export function listeningPorts(processes: readonly ProcessInfo[]): ListeningPort[] {
  return processes.flatMap((p) => p.ports.map((port) => ({ port, pid: p.pid, command: p.command, projectPath: p.projectPath })));
}
