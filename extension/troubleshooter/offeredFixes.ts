import type { DiagnoseResult } from '../../language-server/protocol';
import type { Fix } from '../../language-server/troubleshooter/types';

/**
 * Fixes a button can do now, the same in the notification and the console: stopping a port only while
 * something holds it; edits are not offered from a diagnosis (no file is open to preview them against).
 */
export function offeredFixes(result: DiagnoseResult): Fix[] {
  const held = (result.portOwners?.processes.length ?? 0) + (result.portOwners?.containers.length ?? 0) > 0;
  return result.diagnosis.fixes.filter((f) => f.kind !== 'edit' && (f.action !== 'stop-port' || held));
}
