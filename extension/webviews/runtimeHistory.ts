import type { ProjectHistory, UsageSample } from '../../webviews/runtime/protocol';

/** One project's figures at a sample, as the page was sent them. */
export interface ProjectUsage {
  path: string;
  cpuPercent: number;
  memoryBytes: number;
}

/** A fixed number of samples, oldest first: once full, each new one takes the place of the oldest. */
export class SampleRing {
  private readonly items: Array<UsageSample | undefined>;
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a ring holds at least one sample (${capacity})`);
    this.items = new Array<UsageSample | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(sample: UsageSample): void {
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
    this.items[(this.start + this.size - 1) % this.capacity] = sample;
  }

  at(index: number): UsageSample | undefined {
    return index >= 0 && index < this.size ? this.items[(this.start + index) % this.capacity] : undefined;
  }

  last(): UsageSample | undefined {
    return this.at(this.size - 1);
  }

  /** Drops samples before `time` but the last of them: its value holds until the next, into the window. */
  dropBefore(time: number): void {
    while (this.size >= 2 && (this.at(1) as UsageSample).at <= time) {
      this.items[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.size--;
    }
  }

  toArray(): UsageSample[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i) as UsageSample);
  }
}

/**
 * The last `windowMs` of CPU and memory samples of each running project, each project's count bounded by
 * `capacity`. A project that stops loses its history, so a restart is drawn from a clean start rather than
 * with a line across the time it was stopped; the page does the same with the samples it is sent.
 */
export class UsageHistory {
  private readonly rings = new Map<string, SampleRing>();
  private newest: number | null = null;

  constructor(
    readonly windowMs: number,
    readonly capacity: number,
  ) {}

  /** The newest sample's time; null before the first. */
  get at(): number | null {
    return this.newest;
  }

  /**
   * One sample of every running project at `at`; projects not in `usage` no longer run. Times only move
   * forward: a clock set back a little is taken as a moment after the newest sample, one set back past the
   * window starts the history again.
   */
  record(at: number, usage: readonly ProjectUsage[]): number {
    let time = at;
    if (this.newest !== null && time <= this.newest) {
      if (this.newest - time > this.windowMs) this.rings.clear();
      else time = this.newest + 1;
    }
    const running = new Set(usage.map((u) => u.path));
    for (const path of [...this.rings.keys()]) if (!running.has(path)) this.rings.delete(path);
    for (const u of usage) {
      let ring = this.rings.get(u.path);
      if (!ring) this.rings.set(u.path, (ring = new SampleRing(this.capacity)));
      ring.push({ at: time, cpuPercent: u.cpuPercent, memoryBytes: u.memoryBytes });
      ring.dropBefore(time - this.windowMs);
    }
    this.newest = time;
    return time;
  }

  of(path: string): UsageSample[] {
    return this.rings.get(path)?.toArray() ?? [];
  }

  all(): ProjectHistory[] {
    return [...this.rings].map(([path, ring]) => ({ path, samples: ring.toArray() }));
  }
}
