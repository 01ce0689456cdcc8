import * as vscode from 'vscode';
import type { DiagnoseResult } from '../../language-server/protocol';
import { diagnosisMarkdown } from './diagnosisDocument';

const SCHEME = 'optimus-diagnosis';

/**
 * Shows diagnoses: the details page (a read-only Markdown document), and the first frame in the user's code as
 * a problem at its line, so the error is one click from the code that raised it.
 */
export class DiagnosisView implements vscode.Disposable {
  private readonly pages = new Map<string, string>();
  private readonly problems = vscode.languages.createDiagnosticCollection('optimus-troubleshooter');
  private readonly provider: vscode.Disposable;
  private next = 1;

  constructor() {
    this.provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: (uri) => this.pages.get(uri.path) ?? '' });
  }

  /** Marks the user's frame; returns its location when there is one. */
  mark(result: DiagnoseResult): vscode.Location | undefined {
    const frame = result.userFrame;
    if (!frame) return undefined;
    const uri = vscode.Uri.file(frame.file);
    const position = new vscode.Position(Math.max(0, frame.line - 1), Math.max(0, (frame.column ?? 1) - 1));
    const problem = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), result.diagnosis.summary, vscode.DiagnosticSeverity.Error);
    problem.source = 'optimus';
    problem.code = result.diagnosis.id;
    this.problems.set(uri, [problem]);
    return new vscode.Location(uri, position);
  }

  async openDetails(result: DiagnoseResult): Promise<void> {
    const key = `/${this.next++}-${result.diagnosis.id}.md`;
    this.pages.set(key, diagnosisMarkdown(result));
    if (this.pages.size > 20) this.pages.delete(this.pages.keys().next().value as string);
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.from({ scheme: SCHEME, path: key }));
  }

  dispose(): void {
    this.provider.dispose();
    this.problems.dispose();
  }
}
