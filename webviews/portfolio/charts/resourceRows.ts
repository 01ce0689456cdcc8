import type { ProjectCard } from '../protocol';

// The Running view's own wording of sizes and CPU (a pure module): the panel and the tree say the same.
export { formatBytes, formatCpu } from '../../../extension/runtime/format';

export interface ResourceRow {
  path: string;
  name: string;
  cpuPercent: number;
  memoryBytes: number;
  ports: number[];
}

/** Bars past this are left to the table: a chart of 40 thin bars reads as noise. */
export const TOP_RUNNING = 8;

/** The running projects, the busiest (CPU, then memory) first. */
export function resourceRows(cards: readonly ProjectCard[]): ResourceRow[] {
  return cards
    .filter((c) => c.run.state === 'running')
    .map((c) => ({ path: c.path, name: c.name, cpuPercent: c.run.cpuPercent, memoryBytes: c.run.memoryBytes, ports: c.run.ports }))
    .sort((a, b) => b.cpuPercent - a.cpuPercent || b.memoryBytes - a.memoryBytes || a.name.localeCompare(b.name));
}
