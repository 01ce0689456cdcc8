import type { ContainerRow, CrashRow, ProjectHistory, RunningProject, RuntimeMessage, RuntimeView, UsageSample } from '../../../webviews/runtime/protocol';

/** The host's clock in these fixtures: a fixed moment, so every run draws the same charts. */
export const T0 = Date.UTC(2025, 2, 2, 10, 0, 0);
export const WINDOW_MS = 10 * 60_000;
const MB = 1024 * 1024;

/** A running project as the runtime monitor's host sends it. */
export function running(over: Partial<RunningProject> = {}): RunningProject {
  return {
    path: '/home/dev/projects/shop',
    name: 'shop',
    cpuPercent: 12.5,
    memoryBytes: 300 * MB,
    ports: [3000, 5173],
    processes: [
      { pid: 4101, command: 'npm run dev' },
      { pid: 4102, command: 'node /home/dev/projects/shop/node_modules/.bin/vite --port 5173' },
    ],
    containers: 0,
    startedByOptimus: true,
    ...over,
  };
}

export function crash(over: Partial<CrashRow> = {}): CrashRow {
  return { path: '/home/dev/projects/blog', name: 'blog', at: new Date(Date.now() - 3 * 60_000).toISOString(), exitCode: 1, signal: null, command: 'npm start', ...over };
}

export function container(over: Partial<ContainerRow> = {}): ContainerRow {
  return { id: 'c0ffee', name: 'shop-db-1', image: 'postgres:16', state: 'running', ports: [5432], project: 'shop', ...over };
}

export function view(over: Partial<RuntimeView> = {}): RuntimeView {
  return { running: [running()], containers: [], dockerProblem: null, detailsProblem: null, crashes: [], ...over };
}

/** `n` running projects, by name as the host sends them. */
export function generatedRunning(n: number): RunningProject[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `service-${String(i + 1).padStart(2, '0')}`;
    return running({ path: `/home/dev/projects/${name}`, name, cpuPercent: (i * 7) % 90, memoryBytes: (100 + i * 20) * MB, ports: [3000 + i], processes: [{ pid: 5000 + i, command: `node ${name}/server.js` }] });
  });
}

/** `count` samples a `stepMs` apart ending at `end`, a slow wave so the charts have a shape. */
export function samples(count: number, end: number, stepMs: number, seed = 0): UsageSample[] {
  return Array.from({ length: count }, (_, i) => ({
    at: end - (count - 1 - i) * stepMs,
    cpuPercent: Math.round((20 + 15 * Math.sin((i + seed) / 4)) * 10) / 10,
    memoryBytes: Math.round((200 + 40 * Math.cos((i + seed) / 6)) * MB),
  }));
}

/** Each project's samples up to `end`, the last one its figures now, as the host records them. */
export function historyOf(projects: readonly RunningProject[], count: number, end: number, stepMs = 5_000): ProjectHistory[] {
  return projects.map((p, i) => ({ path: p.path, samples: [...samples(count - 1, end - stepMs, stepMs, i), { at: end, cpuPercent: p.cpuPercent, memoryBytes: p.memoryBytes }] }));
}

/** What the host sends a page that said `ready`. */
export function init(v: RuntimeView, history: ProjectHistory[], at = T0): RuntimeMessage {
  return { type: 'init', at, windowMs: WINDOW_MS, view: v, history };
}

/** The same projects with new figures: what a live sample looks like. */
export function nextFigures(projects: readonly RunningProject[], tick: number): RunningProject[] {
  return projects.map((p, i) => ({ ...p, cpuPercent: Math.round(((i * 13 + tick * 17) % 95) * 10) / 10, memoryBytes: (150 + ((i * 31 + tick * 11) % 200)) * MB }));
}

/** Markup that must show as text: if it were parsed, it would set window.__pwned. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';
