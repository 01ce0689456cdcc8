import { isNullOr, isRecord, isText } from '../shared/guards';
import { isHistory, isRuntimeView, isTimeMs, isWindowMs, LIMITS, type ProjectHistory, type RunningProject, type RuntimeMessage, type RuntimeView, type UsageSample } from './protocol';

/** Everything the monitor shows; all of it is saved with `setState`, so a hidden panel comes back as it was. */
export interface RuntimeState {
  /** null until the host has said anything: the page does not claim "nothing running" before it knows. */
  view: RuntimeView | null;
  /** One entry per running project that has samples. */
  history: ProjectHistory[];
  /** The newest sample's time: the charts' right edge. */
  at: number | null;
  windowMs: number;
  /** What the host last refused, shown until the next command. */
  error: string | null;
}

export const DEFAULT_WINDOW_MS = 10 * 60_000;

export const INITIAL_STATE: RuntimeState = { view: null, history: [], at: null, windowMs: DEFAULT_WINDOW_MS, error: null };

/** Saved state is read back from VS Code and may come from an older build: it is checked like a message. */
export function isRuntimeState(v: unknown): v is RuntimeState {
  return (
    isRecord(v) && isNullOr(v.view, isRuntimeView) && isHistory(v.history) && isNullOr(v.at, isTimeMs) && isWindowMs(v.windowMs) &&
    isNullOr(v.error, (e) => isText(e, LIMITS.text))
  );
}

/**
 * The state after a host message. A live update appends one sample per running project and keeps the
 * history of a project whose sample is not newer the same object, so its chart is not drawn again.
 */
export function applyMessage(state: RuntimeState, message: RuntimeMessage): RuntimeState {
  switch (message.type) {
    case 'init':
      return { ...state, view: message.view, at: message.at, windowMs: message.windowMs, history: keepRunning(message.history, message.view.running) };
    case 'update':
      return { ...state, view: message.view, at: laterOf(state, message.at), history: appendSamples(state.history, message.view.running, message.at, state.windowMs) };
    case 'failed':
      return { ...state, error: message.message };
  }
}

/** The charts' right edge after a sample at `at`: it moves forward only, unless the clock was set back past the window. */
function laterOf(state: RuntimeState, at: number): number {
  if (state.at === null || at > state.at || state.at - at > state.windowMs) return at;
  return state.at;
}

/** A project that stopped loses its history: a restart draws from a clean start, not a line across the gap. */
function keepRunning(history: readonly ProjectHistory[], running: readonly RunningProject[]): ProjectHistory[] {
  const paths = new Set(running.map((p) => p.path));
  return history.filter((h) => paths.has(h.path));
}

/** Each running project's figures as its sample at `at`, the window and the count kept to their bounds. */
export function appendSamples(history: readonly ProjectHistory[], running: readonly RunningProject[], at: number, windowMs: number): ProjectHistory[] {
  const byPath = new Map(history.map((h) => [h.path, h]));
  return running.map((p) => {
    const before = byPath.get(p.path);
    const last = before?.samples[before.samples.length - 1];
    const sample: UsageSample = { at, cpuPercent: p.cpuPercent, memoryBytes: p.memoryBytes };
    if (before && last && last.at >= at) return last.at - at > windowMs ? { path: p.path, samples: [sample] } : before;
    return { path: p.path, samples: trimmed([...(before?.samples ?? []), sample], at - windowMs, LIMITS.samples) };
  });
}

/**
 * Samples from `start` on, with the last one before it (its value holds until the next sample, so the chart
 * starts at the window's left edge), and no more than `max` of them.
 */
export function trimmed(samples: readonly UsageSample[], start: number, max: number): UsageSample[] {
  let first = samples.findIndex((s) => s.at >= start);
  if (first === -1) first = samples.length;
  return samples.slice(Math.max(0, first - 1, samples.length - max));
}

/** What a rebuilt webview starts from: what it last showed, until the host sends the current state. */
export function restored(saved: RuntimeState | undefined): RuntimeState {
  return saved ? { ...saved, error: null } : INITIAL_STATE;
}
