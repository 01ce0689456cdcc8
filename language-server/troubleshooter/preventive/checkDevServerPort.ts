/**
 * `preventive/port-taken`: a `dev`, `start` or `serve` script will listen on a port that a process of another
 * project (or of none) already holds. A holder in this project (or in its monorepo or a member of it) is
 * most likely this very dev server, already running, and is not reported.
 */
import path from 'node:path';
import type { AnalyzerFinding } from '../../analyzer/types';
import { commandsOf, isAssignment } from './commandTokens';
import { programName } from './devServerDefaults';
import { preventiveFinding } from './finding';
import { keySpanOrStart } from './jsonPositions';
import { packageJsonIn, type PackageJson } from './packageJson';
import { related } from './paths';
import { scriptPorts, type PlannedPort } from './scriptPorts';
import { RULE, type ListeningPort } from './types';

const DEV_SCRIPTS = ['dev', 'start', 'serve'];

export async function checkDevServerPort(projectDir: string, listening: readonly ListeningPort[], manifestText?: string): Promise<AnalyzerFinding[]> {
  try {
    const pkg = await packageJsonIn(projectDir, manifestText);
    if (!pkg || listening.length === 0) return [];
    const findings = new Map<string, AnalyzerFinding>();
    for (const script of DEV_SCRIPTS) {
      for (const planned of scriptPorts(pkg.scripts, script)) {
        const holder = holderOf(planned.port, listening, projectDir);
        const key = `${planned.script}:${planned.port}`;
        if (holder && !findings.has(key)) findings.set(key, finding(pkg, script, planned, holder));
      }
    }
    return [...findings.values()];
  } catch {
    return [];
  }
}

function holderOf(port: number, listening: readonly ListeningPort[], projectDir: string): ListeningPort | undefined {
  return listening
    .filter((l) => l.port === port && !(l.projectPath !== null && related(path.resolve(l.projectPath), path.resolve(projectDir))))
    .sort((a, b) => a.pid - b.pid)[0];
}

function finding(pkg: PackageJson, script: string, planned: PlannedPort, holder: ListeningPort): AnalyzerFinding {
  const name = holderName(holder);
  const which = planned.how === 'default' ? `port ${planned.port} (${planned.tool}'s default)` : `port ${planned.port}`;
  const message = `\`${script}\` will listen on ${which}, which ${name} (pid ${holder.pid}) already holds: it will fail with EADDRINUSE or move to another port. Stop that process or choose another port`;
  return preventiveFinding(RULE.portTaken, 'warning', pkg.path, keySpanOrStart(pkg.path, pkg.text, ['scripts', planned.script]), message, {
    fixAction: 'stop-port', port: planned.port, pid: holder.pid, holder: name, script, holderProject: holder.projectPath ?? '',
  });
}

/** `node (shop)`, `python3 (no project)`: the program and the project it belongs to. */
export function holderName(holder: ListeningPort): string {
  const words = commandsOf(holder.command)[0] ?? [];
  const program = programName(words.find((w) => !isAssignment(w)) ?? '') || 'a process';
  const project = holder.projectPath ? path.basename(holder.projectPath) : 'no project';
  return `${program} (${project})`;
}
