import * as vscode from 'vscode';
import type { ProjectScore } from '../../language-server/protocol';

/** Health and debt per project, from the server's notifications (after start, and after each analysis). */
export class ScoresModel implements vscode.Disposable {
  private byPath = new Map<string, ProjectScore>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  apply(scores: readonly ProjectScore[]): void {
    for (const s of scores) this.byPath.set(s.path, s);
    this.changed.fire();
  }

  get(path: string): ProjectScore | undefined {
    return this.byPath.get(path);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `♥ 82 · B`: health out of 100 and the debt rating, short enough for a tree row. */
export function scoreText(score: ProjectScore | undefined): string {
  return score ? `♥ ${Math.round(score.health)} · ${score.debtRating}` : '';
}
