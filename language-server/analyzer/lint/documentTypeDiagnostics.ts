import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { typescript } from '../source';
import { documentService } from './tsDocumentService';
import { findingOfDiagnostic } from './tsFindings';
import { deadlineToken, type TypeCheckOptions, type TypeReport } from './typeDiagnostics';

/** Enough for a 2,000-line file after an edit; a first call that must build the whole program may need more. */
const DEFAULT_DOCUMENT_BUDGET_MS = 10_000;

/**
 * Type diagnostics for one open document, with its unsaved `text` in place of the file on disk (the rest of
 * the project is read from disk). The unsaved text stays laid over the file for later calls, so other
 * documents see it too, until releaseDocumentOverlay(). Synchronous inside TypeScript; the time budget stops
 * it through TypeScript's cancellation token and returns what was found with a note.
 */
export async function documentTypeDiagnostics(tsconfigPath: string, file: string, text: string, options: TypeCheckOptions = {}): Promise<TypeReport> {
  options.signal?.throwIfAborted();
  const configPath = path.resolve(tsconfigPath);
  const budget = options.timeBudgetMs ?? DEFAULT_DOCUMENT_BUDGET_MS;
  const token = deadlineToken(performance.now() + budget, options.signal);
  const doc = documentService(configPath, token);
  const fileName = path.resolve(file);
  const previous = doc.overlays.get(fileName);
  if (previous?.text !== text) doc.overlays.set(fileName, { text, version: (previous?.version ?? 0) + 1 });
  const report: TypeReport = { findings: doc.configErrors.map((d) => findingOfDiagnostic(d, configPath)), notes: [], filesChecked: 0, stopped: null };
  try {
    const diagnostics = [...doc.service.getSyntacticDiagnostics(fileName), ...doc.service.getSemanticDiagnostics(fileName)];
    report.findings.push(...diagnostics.map((d) => findingOfDiagnostic(d, configPath)));
    report.filesChecked = 1;
  } catch (e) {
    if (!(e instanceof typescript().OperationCanceledException)) throw e;
    options.signal?.throwIfAborted();
    report.stopped = 'time-budget';
    report.notes.push(`Type diagnostics for ${fileName} took longer than ${budget} ms and were stopped`);
  }
  return report;
}
