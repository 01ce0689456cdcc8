import type { ProjectRuntime } from '../../language-server/model';

/** The runtime facts a row renders (render.ts): running, its ports, a crash. */
export function runtimeShownOf(runtime: { all(): readonly ProjectRuntime[] }): string {
  return runtime
    .all()
    .map((p) => `${p.path}\t${p.running ? 1 : 0}\t${p.ports.join(',')}\t${p.crashed?.at ?? ''}`)
    .sort()
    .join('\n');
}
