import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Docker from 'dockerode';

const PODMAN_SCRIPT = path.resolve(__dirname, '../../../scripts/podman.mjs');
export const BUSYBOX = 'local/busybox';

/** What scripts/podman.mjs's startPodmanService returns. */
export interface PodmanService {
  socketPath: string;
  dockerHost: string;
  dir: string;
  pid(): number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface PodmanScript {
  startPodmanService(options: { dir: string; log?: (m: string) => void }): Promise<PodmanService>;
  processesUnder(dir: string): Array<{ pid: number; command: string }>;
}

// The script is plain ESM for CI and manual use; imported by URL so TypeScript leaves it alone.
export const podmanScript = (): Promise<PodmanScript> => import(pathToFileURL(PODMAN_SCRIPT).href) as Promise<PodmanScript>;

export interface PodmanFixture {
  service(): PodmanService;
  docker(): Docker;
  /** A temp folder for this file's projects (not podman's state). */
  work(): string;
}

/**
 * One real podman API service for the calling describe block, in a temp folder; every container is removed
 * after each test, and after the block the service must have left no process and no state behind.
 */
export function usePodman(): PodmanFixture {
  let base = '';
  let service: PodmanService | null = null;
  let docker: Docker | null = null;
  before(async function () {
    this.timeout(180_000); // the first run installs podman with apt
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'optimus-containers-')));
    await mkdir(path.join(base, 'work'));
    service = await (await podmanScript()).startPodmanService({ dir: path.join(base, 'podman'), log: (m) => console.error(m) });
    docker = new Docker({ socketPath: service.socketPath });
  });
  afterEach(async () => {
    if (docker) await removeAll(docker);
  });
  after(async () => {
    const dir = service?.dir;
    await service?.stop();
    if (dir) {
      assert.deepEqual((await podmanScript()).processesUnder(dir), [], 'no podman, conmon or container process is left');
      assert.equal(existsSync(dir), false, 'podman state folder is removed');
    }
    if (base) await rm(base, { recursive: true, force: true });
  });
  return {
    service: () => service!,
    docker: () => docker!,
    work: () => path.join(base, 'work'),
  };
}

export async function removeAll(docker: Docker): Promise<void> {
  for (const c of await docker.listContainers({ all: true })) await docker.getContainer(c.Id).remove({ force: true });
}

export interface BusyboxOptions {
  name: string;
  cmd?: string[];
  labels?: Record<string, string>;
  binds?: string[];
  /** container port -> host port */
  ports?: Record<number, number>;
  start?: boolean;
}

/** A busybox container; SIGKILL as stop signal, since busybox as PID 1 ignores SIGTERM. */
export async function busybox(docker: Docker, options: BusyboxOptions): Promise<Docker.Container> {
  const ports = Object.entries(options.ports ?? {});
  const container = await docker.createContainer({
    Image: BUSYBOX,
    name: options.name,
    Cmd: options.cmd ?? ['sleep', '600'],
    StopSignal: 'SIGKILL',
    Labels: options.labels ?? {},
    ExposedPorts: Object.fromEntries(ports.map(([inner]) => [`${inner}/tcp`, {}])),
    HostConfig: {
      Binds: options.binds ?? [],
      PortBindings: Object.fromEntries(ports.map(([inner, host]) => [`${inner}/tcp`, [{ HostPort: String(host) }]])),
    },
  });
  if (options.start !== false) await container.start();
  return container;
}

export async function stateOf(docker: Docker, id: string): Promise<string> {
  return (await docker.getContainer(id).inspect()).State.Status;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
