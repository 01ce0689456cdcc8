// The Running view's own wording of sizes and CPU (a pure module): the monitor, the tree and the status bar say the same.
export { formatBytes, formatCpu } from '../../extension/runtime/format';

/** "10 minutes", "90 seconds": how long the charts look back. */
export function spanText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
}

/** "exit code 1", "ended by SIGKILL", "exit code unknown". */
export function exitText(exitCode: number | null, signal: string | null): string {
  if (exitCode !== null) return `exit code ${exitCode}`;
  return signal ? `ended by ${signal}` : 'exit code unknown';
}
