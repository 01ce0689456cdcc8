import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from './engine';
import { AnalyzeProjectRequest, ApplyFixRequest, ExplainRuleRequest, ProgressNotification } from './protocol';
import { abortOn } from './serverRequests';

/** Open documents, their diagnostics and quick fixes, and whole-project analysis, forwarded to the analyzer. */
export function registerDocumentHandlers(connection: Connection, documents: TextDocuments<TextDocument>, starting: () => Promise<Engine> | null): void {
  const analyzer = async () => {
    const engine = await starting();
    if (!engine) throw new Error('Optimus is still starting; try again in a moment.');
    return engine.analyzer();
  };
  const changed = (doc: TextDocument) => void analyzer().then((a) => a.changed(doc), (e: unknown) => connection.console.warn(String(e)));
  documents.onDidOpen((e) => changed(e.document));
  documents.onDidChangeContent((e) => changed(e.document));
  documents.onDidClose((e) => void analyzer().then((a) => a.closed(e.document.uri), () => undefined));
  connection.onCodeAction(async ({ textDocument, context }) => {
    // No analyzer loaded means no Optimus diagnostic exists yet, so nothing to fix.
    const loaded = await (await starting())?.analyzerReady;
    return loaded ? loaded.codeActions(textDocument.uri, context.diagnostics) : [];
  });
  connection.onRequest(ExplainRuleRequest.type, async ({ ruleId }) => (await import('./analyzer/ruleDocs')).ruleDoc(ruleId));
  connection.onRequest(ApplyFixRequest.type, async (params) => (await analyzer()).applyFix(params));
  connection.onRequest(AnalyzeProjectRequest.type, async ({ path, progressId }, token) => {
    const report = (done: number, total: number) => {
      if (progressId) void connection.sendNotification(ProgressNotification.type, { progressId, message: `${done}/${total} files`, percent: total > 0 ? Math.round((done / total) * 100) : 0 });
    };
    const summary = await (await analyzer()).analyzeProject(path, report, abortOn(token));
    // The project's revenue models are re-assessed with each analysis; the Next Actions list reads them back.
    void (await starting())?.assessMonetization(path).catch(() => undefined);
    return summary;
  });
}
