/**
 * The messages between the language server and its lint host process (lintHostMain.ts), over Node's IPC
 * channel (JSON). One request, one answer with the same id; `cancel` stops a request between batches.
 */
import type { LintInput, LintOptions, LintReport } from '../lintTypes';
import type { TypeCheckOptions, TypeReport } from '../typeDiagnostics';

/** Options as they cross the process boundary: an AbortSignal cannot, so cancelling is its own message. */
export type WireLintOptions = Omit<LintOptions, 'signal'>;
export type WireTypeOptions = Omit<TypeCheckOptions, 'signal'>;

export type HostRequest =
  | { id: number; op: 'lint'; projectDir: string; inputs: LintInput[]; options: WireLintOptions }
  | { id: number; op: 'types'; tsconfigPath: string; files: string[] | null; options: WireTypeOptions }
  | { id: number; op: 'cancel' };

export type HostResponse =
  | { id: number; ok: true; op: 'lint'; report: LintReport }
  | { id: number; ok: true; op: 'types'; report: TypeReport }
  | { id: number; ok: false; cancelled: boolean; message: string };

/** The host's answers are only trusted as far as their shape: a broken host must not break the server. */
export function isHostResponse(value: unknown): value is HostResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'number') return false;
  if (v.ok === false) return typeof v.message === 'string';
  return v.ok === true && (v.op === 'lint' || v.op === 'types') && typeof v.report === 'object' && v.report !== null;
}
