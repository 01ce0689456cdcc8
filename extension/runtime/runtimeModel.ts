import * as vscode from 'vscode';
import type { DockerAvailability, ProjectRuntime } from '../../language-server/model';
import type { RuntimeChangedParams } from '../../language-server/protocol';

/**
 * The client's copy of what runs, per project, from the server's notifications. Crashes stay flagged until
 * the user has looked (opened the quick pick or the Runtime view), then they are "seen".
 */
export class RuntimeModel implements vscode.Disposable {
  private byPath = new Map<string, ProjectRuntime>();
  private seenCrashes = new Set<string>();
  private dockerState: DockerAvailability = 'unavailable: not checked yet';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  apply(params: RuntimeChangedParams): void {
    this.byPath = new Map(params.projects.map((p) => [p.path, p]));
    this.dockerState = params.docker;
    this.changed.fire();
  }

  get(path: string): ProjectRuntime | undefined {
    return this.byPath.get(path);
  }
  get docker(): DockerAvailability {
    return this.dockerState;
  }
  all(): ProjectRuntime[] {
    return [...this.byPath.values()];
  }
  running(): ProjectRuntime[] {
    return [...this.byPath.values()].filter((p) => p.running);
  }
  /** Crashes the user has not looked at yet. */
  unseenCrashes(): ProjectRuntime[] {
    return [...this.byPath.values()].filter((p) => p.crashed && !p.running && !this.seenCrashes.has(crashKey(p)));
  }
  markCrashesSeen(): void {
    for (const p of this.byPath.values()) if (p.crashed) this.seenCrashes.add(crashKey(p));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function crashKey(p: ProjectRuntime): string {
  return `${p.path}@${p.crashed?.at ?? ''}`;
}
