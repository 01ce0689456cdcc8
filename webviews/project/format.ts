// The Running view's own wording of sizes and CPU (a pure module): the panel, the tree and the status bar say the same.
export { formatBytes, formatCpu, portsText } from '../../extension/runtime/format';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const count = new Intl.NumberFormat();

/** "90 min", "1.5 h", "3 d" (a working day of 8 hours, as technical debt is counted). */
export function debtText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 8 * 5) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round(hours / 8)} d`;
}

/** "4 Mar 2025" for an ISO time, in the page's language; the text as given when it does not parse. */
export function dayText(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : dayFormat.format(at);
}

/** "1,234" */
export function countText(n: number): string {
  return count.format(n);
}

/** "1 file", "3 files" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countText(n)} ${n === 1 ? one : many}`;
}
