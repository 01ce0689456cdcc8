/**
 * Container events that change what the container list shows. Podman says `remove` where Docker says `destroy`,
 * and `died` in filters; both spellings are here. Matching happens here rather than in the engine's `event`
 * filter because podman's filter words differ from its event names.
 */
export const CHANGE_ACTIONS: ReadonlySet<string> = new Set([
  'create', 'start', 'restart', 'stop', 'die', 'died', 'destroy', 'remove', 'pause', 'unpause', 'rename',
]);

interface EngineEvent {
  Type?: unknown;
  Action?: unknown;
  status?: unknown;
}

/** True when an event from the stream changes the container list (not exec, health, init, cleanup, ...). */
export function isContainerChange(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const e = event as EngineEvent;
  if (e.Type !== undefined && e.Type !== 'container') return false;
  const action = typeof e.Action === 'string' ? e.Action : typeof e.status === 'string' ? e.status : '';
  // Docker writes some actions with a detail after a colon: `health_status: healthy`, `exec_start: sh`.
  return CHANGE_ACTIONS.has(action.split(':')[0]!.trim());
}

/** Cuts the stream's bytes into JSON events, one per line; a line may arrive in pieces. Malformed lines are skipped. */
export class EventLines {
  private rest = '';

  push(chunk: Buffer | string): unknown[] {
    const lines = (this.rest + chunk.toString()).split('\n');
    this.rest = lines.pop() ?? '';
    if (this.rest.length > 1_000_000) this.rest = ''; // no newline in a megabyte: not an event stream
    const events: unknown[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line));
      } catch {
        // a malformed line says nothing about what changed
      }
    }
    return events;
  }
}
