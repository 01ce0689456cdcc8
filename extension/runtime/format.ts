import type { ProjectRuntime } from '../../language-server/model';

/** 1.2 GB, 340 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function formatCpu(percent: number): string {
  return `${percent >= 10 ? Math.round(percent) : percent.toFixed(1)}%`;
}

/** `:3000 :5173`, empty when it listens on nothing. */
export function portsText(ports: readonly number[]): string {
  return ports.map((p) => `:${p}`).join(' ');
}

export function totals(running: readonly ProjectRuntime[]): { cpu: number; memory: number } {
  return running.reduce((t, p) => ({ cpu: t.cpu + p.cpuPercent, memory: t.memory + p.memoryBytes }), { cpu: 0, memory: 0 });
}
