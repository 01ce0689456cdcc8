import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { AnalyzerFinding } from '../types';
import { toDiagnostic } from './toDiagnostic';

export interface OpenDocument {
  uri: string;
  version: number;
  getText(): string;
}

export interface DocumentDiagnosticsDeps {
  /** Findings for one file's current text; the signal aborts when a newer text supersedes it. */
  analyze: (path: string, text: string, signal: AbortSignal) => Promise<AnalyzerFinding[]>;
  publish: (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;
  /** Link to a rule's explanation, if it has one. */
  explain: (finding: AnalyzerFinding) => string | undefined;
  /** Quiet time after the last keystroke before analyzing. */
  delayMs: number;
  onError: (error: unknown, uri: string) => void;
}

interface Pending {
  timer: NodeJS.Timeout;
  controller: AbortController;
}

/**
 * Diagnostics for open documents: each change waits for a pause in typing, then analyzes the text; a newer
 * change aborts the older analysis and a result for an old version is dropped. Keeps the last findings per
 * document so code actions can find the fix behind a diagnostic.
 */
export class DocumentDiagnostics {
  private pending = new Map<string, Pending>();
  private last = new Map<string, { version: number; findings: AnalyzerFinding[] }>();

  constructor(private readonly deps: DocumentDiagnosticsDeps) {}

  changed(doc: OpenDocument, delayMs = this.deps.delayMs): void {
    if (!doc.uri.startsWith('file:')) return; // untitled and virtual documents have no project
    this.cancel(doc.uri);
    const controller = new AbortController();
    const timer = setTimeout(() => void this.run(doc, doc.version, controller), delayMs);
    this.pending.set(doc.uri, { timer, controller });
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.last.delete(uri);
    this.deps.publish(uri, undefined, []);
  }

  /** The findings behind the diagnostics of `version`, or undefined when the document has changed since. */
  findings(uri: string, version: number): AnalyzerFinding[] | undefined {
    const last = this.last.get(uri);
    return last && last.version === version ? last.findings : undefined;
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private async run(doc: OpenDocument, version: number, controller: AbortController): Promise<void> {
    try {
      const findings = await this.deps.analyze(fileURLToPath(doc.uri), doc.getText(), controller.signal);
      if (controller.signal.aborted) return;
      this.pending.delete(doc.uri);
      this.last.set(doc.uri, { version, findings });
      const diagnostics = findings.map((f, index) => toDiagnostic(f, { ruleId: f.ruleId, index, version }, this.deps.explain));
      this.deps.publish(doc.uri, version, diagnostics);
    } catch (error) {
      if (!controller.signal.aborted) this.deps.onError(error, doc.uri);
    }
  }

  private cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.controller.abort();
    this.pending.delete(uri);
  }
}
