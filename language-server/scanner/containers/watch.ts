import type { ContainerInfo, DockerAvailability } from '../../model';
import { ContainerError } from './errors';
import { EventLines, isContainerChange } from './events';

/** The containers as they are now, or none and why, when the engine cannot be reached. */
export interface ContainerChange {
  containers: ContainerInfo[];
  docker: DockerAvailability;
}

export interface WatchOptions {
  /** The known projects, asked for at each re-list so containers map to the current ones. */
  projectPaths: () => readonly string[];
  /** Events closer together than this cause one re-list. */
  debounceMs?: number;
  /**
   * Waits before each new attempt to reach the engine while it does not answer; the last one repeats. After a
   * lost connection they start short (an engine restarting is back within seconds) and grow; when there was no
   * engine from the start, only the last (rare) one is used. Default 1 s, 2 s, 5 s, 15 s, then every 60 s.
   */
  retryDelaysMs?: readonly number[];
  /** Failures that are not the engine being away (a list the engine refused): the watch carries on. */
  onError?: (error: unknown) => void;
}

export interface ContainerWatch {
  /** Re-lists now, or tries the engine now when it is away (e.g. the user asked). */
  refresh(): void;
  close(): void;
}

/** What the watch needs of the engine (ContainerEngine has it). */
export interface ContainerSource {
  listContainers(projectPaths: readonly string[]): Promise<ContainerInfo[]>;
  containerEvents(): Promise<NodeJS.ReadableStream>;
}

const DEFAULT_RETRY_MS = [1000, 2000, 5000, 15_000, 60_000];
// A stream that lived this long was healthy: its end starts the retries from the shortest wait again.
const HEALTHY_STREAM_MS = 10_000;

/**
 * Follows the engine's event stream and re-lists after changes (debounced), instead of polling. Reports the
 * first list at once, then only lists that differ from the last one reported.
 */
export function watchContainers(source: ContainerSource, onChange: (change: ContainerChange) => void, options: WatchOptions): ContainerWatch {
  const watcher = new Watcher(source, onChange, options);
  watcher.start();
  return { refresh: () => watcher.refresh(), close: () => watcher.close() };
}

function unavailability(error: unknown): DockerAvailability | null {
  if (error instanceof ContainerError && (error.code === 'unavailable' || error.code === 'timeout')) return `unavailable: ${error.reason}`;
  return null;
}

class Watcher {
  private stream: NodeJS.ReadableStream | null = null;
  private subscribing = false;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private listTimer: NodeJS.Timeout | null = null;
  private listing = false;
  private listAgain = false;
  private lastReported: string | null = null;
  private everConnected = false;
  private readonly debounceMs: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(
    private readonly source: ContainerSource,
    private readonly onChange: (change: ContainerChange) => void,
    private readonly options: WatchOptions,
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.retryDelaysMs = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_MS;
  }

  start(): void {
    void this.subscribe();
  }

  refresh(): void {
    if (this.closed) return;
    if (this.stream) return this.relistIn(0);
    this.clearRetry();
    void this.subscribe();
  }

  close(): void {
    this.closed = true;
    this.clearRetry();
    if (this.listTimer) clearTimeout(this.listTimer);
    this.listTimer = null;
    this.detach();
  }

  private async subscribe(): Promise<void> {
    if (this.closed || this.stream || this.subscribing) return;
    this.subscribing = true;
    try {
      const stream = await this.source.containerEvents();
      if (this.closed) return destroy(stream);
      this.everConnected = true;
      this.attach(stream);
      this.relistIn(0); // events missed while away are not replayed: the list is the truth
    } catch (error) {
      this.report(error);
      // No engine since the start: most likely none is installed or started, so look rarely (refresh() looks now).
      if (!this.everConnected) this.attempt = Math.max(this.attempt, this.retryDelaysMs.length - 1);
      this.retryLater();
    } finally {
      this.subscribing = false;
    }
  }

  private attach(stream: NodeJS.ReadableStream): void {
    this.stream = stream;
    const openedAt = Date.now();
    const lines = new EventLines();
    stream.on('data', (chunk: Buffer | string) => {
      if (lines.push(chunk).some(isContainerChange)) this.relistIn(this.debounceMs);
    });
    let ended = false;
    const onEnd = () => {
      if (ended) return;
      ended = true;
      if (this.stream !== stream) return;
      this.detach();
      if (this.closed) return;
      this.attempt = Date.now() - openedAt >= HEALTHY_STREAM_MS ? 0 : this.attempt;
      this.relistIn(0); // the engine may be gone (reported as such) or may have restarted with other containers
      this.retryLater();
    };
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onEnd);
  }

  private detach(): void {
    const stream = this.stream;
    this.stream = null;
    if (stream) destroy(stream);
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.retryDelaysMs[Math.min(this.attempt, this.retryDelaysMs.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.subscribe();
    }, delay);
    this.retryTimer.unref?.();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  // The first request wins: a flood of events still re-lists every debounceMs, never starves.
  private relistIn(ms: number): void {
    if (this.closed || this.listTimer) return;
    this.listTimer = setTimeout(() => {
      this.listTimer = null;
      void this.relist();
    }, ms);
  }

  private async relist(): Promise<void> {
    if (this.listing) {
      this.listAgain = true;
      return;
    }
    this.listing = true;
    try {
      const containers = await this.source.listContainers(this.options.projectPaths());
      if (!this.closed) this.emit({ containers, docker: 'available' });
    } catch (error) {
      if (!this.closed) this.report(error);
      // The stream can outlive the engine's answers (a half-dead connection): start over from a fresh one.
      if (unavailability(error) !== null && this.stream) {
        this.detach();
        this.retryLater();
      }
    } finally {
      this.listing = false;
      if (this.listAgain && !this.closed) {
        this.listAgain = false;
        this.relistIn(0);
      }
    }
  }

  private report(error: unknown): void {
    const docker = unavailability(error);
    if (docker === null) return this.options.onError?.(error);
    this.emit({ containers: [], docker });
  }

  private emit(change: ContainerChange): void {
    const key = JSON.stringify(change);
    if (key === this.lastReported) return;
    this.lastReported = key;
    try {
      this.onChange(change);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}

function destroy(stream: NodeJS.ReadableStream): void {
  (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
}
