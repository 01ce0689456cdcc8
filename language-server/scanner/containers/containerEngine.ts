import type Docker from 'dockerode';
import path from 'node:path';
import type { ContainerInfo, DockerAvailability } from '../../model';
import { connectFirst, ping } from './connect';
import type { Connection, ProbeResult } from './connect';
import { seconds, withDeadline } from './deadline';
import { candidateEndpoints } from './endpoint';
import type { EndpointSettings } from './endpoint';
import { ContainerError, engineMessage, isConnectionError, statusCode, unavailableError, unreachableReason } from './errors';
import { ACTIVE_STATES, toContainerInfos } from './mapping';
import type { ContainerSummary } from './mapping';
import { watchContainers } from './watch';
import type { ContainerChange, ContainerWatch, WatchOptions } from './watch';

export interface ContainerEngineOptions extends EndpointSettings {
  /** How long `/_ping` may take before the engine counts as not answering. */
  pingTimeoutMs?: number;
  /** How long any other call may take (a stop adds its own grace period to this). */
  callTimeoutMs?: number;
}

export interface StopOptions {
  /** Seconds the engine waits after the stop signal before it kills; the engine's default (10) when unset. */
  timeoutS?: number;
}

/**
 * Docker or Podman, through the Docker Engine API. Finds the engine on first use (DOCKER_HOST, then the usual
 * sockets), keeps the connection, and finds it again after a call fails to reach it. Every call has a deadline.
 */
export class ContainerEngine {
  private connection: Connection | null = null;
  private connecting: Promise<ProbeResult> | null = null;
  private readonly pingTimeoutMs: number;
  private readonly callTimeoutMs: number;

  constructor(private readonly options: ContainerEngineOptions = {}) {
    this.pingTimeoutMs = options.pingTimeoutMs ?? 3000;
    this.callTimeoutMs = options.callTimeoutMs ?? 10_000;
  }

  /** `available`, or `unavailable: <why>`. Never throws. */
  async availability(): Promise<DockerAvailability> {
    try {
      const current = this.connection;
      if (current) {
        try {
          await ping(current.docker, current.where, this.pingTimeoutMs);
          return 'available';
        } catch {
          this.forget(current); // it may have moved (another socket now answers): look again
        }
      }
      const result = await this.connect();
      return result.ok ? 'available' : `unavailable: ${result.reason}`;
    } catch (error) {
      return `unavailable: ${(error as Error).message ?? String(error)}`;
    }
  }

  /** Every container, running or not, with the project each belongs to (see mapping.ts). */
  async listContainers(projectPaths: readonly string[]): Promise<ContainerInfo[]> {
    const summaries = await this.call('listing containers', this.callTimeoutMs, (docker, abortSignal) =>
      docker.listContainers({ all: true, abortSignal }) as Promise<ContainerSummary[]>,
    );
    return toContainerInfos(Array.isArray(summaries) ? summaries : [], projectPaths);
  }

  async startContainer(id: string): Promise<void> {
    await this.containerCall(id, 'starting', this.callTimeoutMs, (c, abortSignal) => c.start({ abortSignal }));
  }

  async stopContainer(id: string, options: StopOptions = {}): Promise<void> {
    const { timeoutS } = options;
    const ms = this.callTimeoutMs + (timeoutS ?? 10) * 1000;
    const query = timeoutS === undefined ? {} : { t: timeoutS };
    await this.containerCall(id, 'stopping', ms, (c, abortSignal) => evenIfPaused(c, abortSignal, () => c.stop({ ...query, abortSignal })));
  }

  async restartContainer(id: string, options: StopOptions = {}): Promise<void> {
    const { timeoutS } = options;
    const ms = this.callTimeoutMs + (timeoutS ?? 10) * 1000;
    const query = timeoutS === undefined ? {} : { t: timeoutS };
    await this.containerCall(id, 'restarting', ms, (c, abortSignal) => evenIfPaused(c, abortSignal, () => c.restart({ ...query, abortSignal })));
  }

  /**
   * Stops every running (or paused) container mapped to `projectPath`; `projectPaths` (all known projects) lets
   * a nested project keep its own containers. Resolves with the ids stopped; rejects naming each that would not stop.
   */
  async stopProjectContainers(projectPath: string, projectPaths: readonly string[] = [projectPath], options: StopOptions = {}): Promise<string[]> {
    const project = path.resolve(projectPath);
    const known = projectPaths.map((p) => path.resolve(p));
    const all = await this.listContainers(known.includes(project) ? known : [...known, project]);
    const target = all.filter((c) => c.projectPath === project && ACTIVE_STATES.has(c.state));
    const results = await Promise.allSettled(target.map((c) => this.stopContainer(c.id, options)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${target[i]!.name}: ${(r.reason as Error).message}`] : []));
    if (failed.length > 0) throw new ContainerError('failed', `Could not stop every container of ${projectPath}: ${failed.join('; ')}`);
    return target.map((c) => c.id);
  }

  /** Follows the engine's events (no polling) and calls `onChange` with the new list after each change. */
  watchContainers(onChange: (change: ContainerChange) => void, options: WatchOptions): ContainerWatch {
    return watchContainers(this, onChange, options);
  }

  /** The engine's container event stream. The caller owns it and must destroy it. */
  async containerEvents(): Promise<NodeJS.ReadableStream> {
    return this.call('opening the event stream', this.callTimeoutMs, (docker, abortSignal) =>
      docker.getEvents({ filters: { type: ['container'] }, abortSignal } as Docker.GetEventsOptions),
    );
  }

  private async connect(): Promise<ProbeResult> {
    if (!this.connecting) {
      const env = this.options.env ?? process.env;
      this.connecting = connectFirst(candidateEndpoints(this.options), this.pingTimeoutMs, env).finally(() => {
        this.connecting = null;
      });
    }
    const result = await this.connecting;
    if (result.ok) this.connection = result.connection;
    return result;
  }

  private forget(connection: Connection): void {
    if (this.connection === connection) this.connection = null;
  }

  private async client(): Promise<Connection> {
    if (this.connection) return this.connection;
    const result = await this.connect();
    if (!result.ok) throw unavailableError(result.reason);
    return result.connection;
  }

  private async call<T>(what: string, ms: number, run: (docker: Docker, signal: AbortSignal) => Promise<T>): Promise<T> {
    const connection = await this.client();
    const timeout = () => {
      const reason = `the engine at ${connection.where} did not finish ${what} within ${seconds(ms)}`;
      return new ContainerError('timeout', capitalise(reason), reason);
    };
    try {
      return await withDeadline(ms, (signal) => run(connection.docker, signal), timeout);
    } catch (error) {
      if (isConnectionError(error)) this.forget(connection);
      if (error instanceof ContainerError) throw error;
      if (isConnectionError(error)) {
        throw unavailableError(unreachableReason(error, connection.where));
      }
      throw error;
    }
  }

  private async containerCall(id: string, what: string, ms: number, run: (c: Docker.Container, signal: AbortSignal) => Promise<unknown>): Promise<void> {
    try {
      await this.call(`${what} container ${id}`, ms, (docker, signal) => run(docker.getContainer(id), signal));
    } catch (error) {
      if (error instanceof ContainerError) throw error;
      const status = statusCode(error);
      if (status === 304) return; // already in the asked-for state: nothing to do
      if (status === 404) throw new ContainerError('not-found', `No such container: ${id}`);
      throw new ContainerError('failed', `${capitalise(what)} container ${id} failed: ${engineMessage(error)}`);
    }
  }
}

// Docker stops a paused container; podman refuses ("container state improper"), so it is unpaused first there.
async function evenIfPaused(container: Docker.Container, abortSignal: AbortSignal, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const status = statusCode(error);
    if (status === undefined || status === 304 || status === 404) throw error;
    const info = await container.inspect({ abortSignal });
    if (!info.State?.Paused) throw error;
    await container.unpause({ abortSignal });
    await action();
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
