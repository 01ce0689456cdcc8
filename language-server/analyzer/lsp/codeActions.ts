import path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { ApplyFixParams, FixKind } from '../../protocol';
import type { AnalyzerFinding } from '../types';
import type { DiagnosticData } from './toDiagnostic';

/** The client-side command every Optimus quick fix runs: it asks for a reason where one is needed, then the server applies. */
export const APPLY_FIX_COMMAND = 'optimus.applyFix';

/**
 * Quick fixes for Optimus's diagnostics in a range: the finding's own safe fix, moving a secret to .env, and
 * silencing the rule for the line with a reason. Each one runs through the server, which checks trust and
 * audits the edit.
 */
export function codeActionsFor(uri: string, diagnostics: readonly Diagnostic[], findingsOf: (version: number) => AnalyzerFinding[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnosticData(diagnostic);
    const finding = data && findingsOf(data.version)?.[data.index];
    if (!data || !finding || finding.ruleId !== data.ruleId) continue;
    const action = (title: string, kind: FixKind, preferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: preferred,
      command: { title, command: APPLY_FIX_COMMAND, arguments: [{ uri, version: data.version, index: data.index, kind } satisfies ApplyFixParams] },
    });
    if (finding.fix) actions.push(action(finding.fix.title, 'fix', true));
    if (finding.ruleId.startsWith('secret/')) actions.push(action('Move this secret to .env', 'moveSecret', !finding.fix));
    actions.push(...preventiveActions(finding, diagnostic, (title) => action(title, 'preventive', true)));
    if (!uri.endsWith('.json')) actions.push(action(`Disable ${finding.ruleId} for this line…`, 'disable'));
  }
  return actions;
}

/** The client commands preventive fixes run: both ask or show before anything happens. */
export const RUN_FIX_COMMAND = 'optimus.runFixCommand';
export const STOP_PORT_COMMAND = 'optimus.stopPort';

const EDIT_TITLES: Readonly<Record<string, (f: AnalyzerFinding) => string>> = {
  'add-dependency': (f) => `Add ${String(f.data?.dependency)} to package.json`,
  'add-env-key': (f) => `Add ${String(f.data?.key)} to ${path.basename(String(f.data?.envFile ?? '.env'))}`,
  'set-type-module': () => 'Set "type": "module" in package.json',
};

/** A preventive finding's fixes: the shell line it suggests, freeing its port, the edit it names. */
function preventiveActions(finding: AnalyzerFinding, diagnostic: Diagnostic, editAction: (title: string) => CodeAction): CodeAction[] {
  const data = finding.data ?? {};
  const out: CodeAction[] = [];
  const quickFix = (title: string, command: string, args: unknown): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command, arguments: [args] } });
  if (typeof data.fixCommand === 'string') out.push(quickFix(`Run \`${data.fixCommand}\`…`, RUN_FIX_COMMAND, { command: data.fixCommand, cwd: typeof data.fixCwd === 'string' ? data.fixCwd : null, diagnosisId: finding.ruleId }));
  if (data.fixAction === 'stop-port' && typeof data.port === 'number') out.push(quickFix(`Stop what listens on port ${data.port}`, STOP_PORT_COMMAND, { port: data.port }));
  const title = typeof data.fixEdit === 'string' ? EDIT_TITLES[data.fixEdit] : undefined;
  if (title) out.push(editAction(`${title(finding)}…`));
  return out;
}

function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const d = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== 'optimus' || !d || typeof d.index !== 'number' || typeof d.version !== 'number' || typeof d.ruleId !== 'string') return undefined;
  return { index: d.index, version: d.version, ruleId: d.ruleId };
}
