import path from 'node:path';
import type { Finding } from '../../model';
import type { Store } from '../../store/store';
import { CONFIG_FILE, readOptimusConfig, storedSettings } from '../projectSettings';
import { detectWithFindings } from './detect';
import { portFromCommand } from './ports';
import type { StartCandidate, StartKind, StartSource } from './types';

export type ResolvedSource = StartSource | 'settings' | typeof CONFIG_FILE | 'none';

export interface ResolvedStart {
  /** What to run; null when nothing was set and nothing detected (then `candidates` is empty). */
  command: string | null;
  cwd: string;
  /** `settings`: saved by the user in Optimus; `.optimus.json`: the project's file; else the detected source. */
  source: ResolvedSource;
  kind: StartKind;
  expectedPort?: number;
  /** Every detected way, best first, so a UI can offer the others. */
  candidates: StartCandidate[];
  findings: Finding[];
}

/**
 * The command that starts the project: the user's saved choice, else `.optimus.json` `start`, else the best
 * detected one. Never runs anything; never throws (unreadable settings or files become findings).
 */
export async function resolveStartCommand(projectDir: string, entryNames: readonly string[] | undefined, store: Store | null): Promise<ResolvedStart> {
  const cwd = path.resolve(projectDir);
  const [stored, config, detected] = await Promise.all([storedSettings(store, cwd), readOptimusConfig(cwd), detectWithFindings(cwd, entryNames)]);
  const findings = [...stored.findings, ...config.findings, ...detected.findings];
  const base = { cwd, candidates: detected.candidates, findings };
  const chosen = stored.settings?.startCommand;
  if (chosen) return { ...base, ...explicit(chosen, 'settings', detected.candidates) };
  if (config.config.start) return { ...base, ...explicit(config.config.start, CONFIG_FILE, detected.candidates) };
  const best = detected.candidates[0];
  if (!best) return { ...base, command: null, source: 'none', kind: 'process' };
  return { ...base, command: best.command, source: best.source, kind: best.kind, ...(best.expectedPort ? { expectedPort: best.expectedPort } : {}) };
}

/** A chosen command that is also a detected one (`npm run dev`) knows its port from the script's body. */
function explicit(command: string, source: 'settings' | typeof CONFIG_FILE, candidates: readonly StartCandidate[]): Pick<ResolvedStart, 'command' | 'source' | 'kind' | 'expectedPort'> {
  const same = candidates.find((c) => c.command === command.trim());
  const expectedPort = portFromCommand(command) ?? same?.expectedPort;
  return { command, source, kind: same?.kind ?? kindOf(command), ...(expectedPort ? { expectedPort } : {}) };
}

/** A command the user wrote that brings up compose containers is watched as containers, not as one process. */
export function kindOf(command: string): StartKind {
  return /^\s*(?:docker[ -]compose|podman[ -]compose)\b(?:\s+-\S+(?:\s+[^-\s]\S*)?)*\s+up\b/.test(command) ? 'compose' : 'process';
}
