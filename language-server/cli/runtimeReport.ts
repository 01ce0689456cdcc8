import type { ContainerInfo, DockerAvailability, ProcessInfo } from '../model';
import { ContainerEngine } from '../scanner/containers/containerEngine';
import { takeSnapshot } from '../scanner/runtime/snapshot';

/** CPU shares need two samples; a quarter second is long enough to measure and short enough to wait for. */
const SAMPLE_GAP_MS = 250;
const PING_TIMEOUT_MS = 1500;

/** What `optimus runtime --json` prints. */
export interface RuntimeReport {
  processes: ProcessInfo[];
  containers: ContainerInfo[];
  docker: DockerAvailability;
}

export interface RuntimeOptions {
  /** Every process on the machine; by default only those in a project or listening on a port. */
  all: boolean;
}

export async function collectRuntime(projectPaths: readonly string[], options: RuntimeOptions): Promise<RuntimeReport> {
  const [processes, containers] = await Promise.all([sampleProcesses(projectPaths), containerState(projectPaths)]);
  const shown = options.all ? processes : processes.filter((p) => p.projectPath !== null || p.ports.length > 0);
  return { processes: shown, ...containers };
}

/** The second sample reuses the first's state, so its `cpuPercent` is a share over the gap rather than null. */
async function sampleProcesses(projectPaths: readonly string[]): Promise<ProcessInfo[]> {
  const first = await takeSnapshot(projectPaths);
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_GAP_MS));
  return (await takeSnapshot(projectPaths, first.state)).processes;
}

async function containerState(projectPaths: readonly string[]): Promise<Pick<RuntimeReport, 'containers' | 'docker'>> {
  const engine = new ContainerEngine({ pingTimeoutMs: PING_TIMEOUT_MS });
  const docker = await engine.availability();
  if (docker !== 'available') return { containers: [], docker };
  try {
    return { containers: await engine.listContainers(projectPaths), docker };
  } catch (error) {
    // The engine answered the ping but not the listing: report it the way availability would.
    return { containers: [], docker: `unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
