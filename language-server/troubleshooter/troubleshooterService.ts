import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../model';
import { runAction, type ActionContext } from '../orchestrator/actionGate';
import type { DiagnoseParams, DiagnoseResult, FixCommandParams, PortOwners } from '../protocol';
import { deepestProject } from '../scanner/projectPaths';
import { createDiagnoser, type Diagnoser } from './diagnoser';
import { firstUserFrame } from './frames/parseFrames';
import type { StackFrame } from './frames/types';

export interface TroubleshooterDeps {
  projects: () => readonly Project[];
  /** What listens on a port now (the runtime monitor's view). */
  portOwners: (port: number) => Promise<PortOwners>;
  /** The user's own knowledge files, e.g. `$OPTIMUS_HOME/knowledge`. */
  userDir: string;
  onProblem: (message: string) => void;
  context: () => ActionContext;
}

/** An error text from the editor (a terminal, a crashed run, a selection) becomes a diagnosis with its context. */
export class TroubleshooterService {
  private loaded: Promise<Diagnoser> | null = null;

  constructor(private readonly deps: TroubleshooterDeps) {}

  async diagnose(params: DiagnoseParams): Promise<DiagnoseResult> {
    const diagnosis = (await this.diagnoser()).diagnose(params.text);
    const userFrame = await this.userFrame(diagnosis.frames, params.cwd);
    const projectPath = this.projectOf(params.cwd) ?? this.projectOf(userFrame?.file) ?? null;
    const result: DiagnoseResult = { diagnosis, projectPath, ...(userFrame ? { userFrame } : {}) };
    const port = Number(diagnosis.captures.port);
    if (diagnosis.id === 'port-in-use' && Number.isInteger(port) && port > 0 && port < 65536) {
      result.portOwners = await this.deps.portOwners(port).catch(() => ({ processes: [], containers: [] }));
    }
    return result;
  }

  /** A fix's shell line the user confirmed: refused when untrusted, audited, one line only. */
  async approveCommand(params: FixCommandParams): Promise<{ approved: true }> {
    const command = typeof params.command === 'string' ? params.command.trim() : '';
    if (command === '' || command.length > 2000 || /[\r\n]/.test(command)) throw new Error('A fix command must be one line of at most 2,000 characters.');
    const request = { action: 'fix.command', target: params.cwd ?? 'terminal', details: { command, diagnosis: String(params.diagnosisId).slice(0, 64) } };
    return runAction(this.deps.context(), request, async () => ({ approved: true as const }));
  }

  private diagnoser(): Promise<Diagnoser> {
    this.loaded ??= createDiagnoser({ userDir: this.deps.userDir }).then((d) => {
      for (const problem of d.problems) this.deps.onProblem(problem);
      return d;
    });
    this.loaded.catch(() => (this.loaded = null)); // a failed load is tried again on the next text
    return this.loaded;
  }

  private projectOf(file: string | undefined): string | undefined {
    return file ? (deepestProject(file, this.deps.projects().map((p) => p.path)) ?? undefined) : undefined;
  }

  /** The first user frame whose file exists, its path made absolute against the command's folder. */
  private async userFrame(frames: readonly StackFrame[], cwd: string | undefined): Promise<DiagnoseResult['userFrame']> {
    // firstUserFrame knows each runtime's order (Python prints the failing frame last).
    const first = firstUserFrame([...frames]);
    const candidates = [...(first ? [first] : []), ...frames.filter((f) => f.userCode && f !== first)].slice(0, 10);
    for (const frame of candidates) {
      const file = path.isAbsolute(frame.file) ? frame.file : cwd ? path.resolve(cwd, frame.file) : null;
      if (!file) continue;
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) return { file, line: frame.line, column: frame.column };
    }
    return undefined;
  }
}
