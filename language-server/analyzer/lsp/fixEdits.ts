import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { ApplyFixParams } from '../../protocol';
import { disableLineEdit } from '../lint/disableLine';
import { preventiveEdit } from './preventiveEdits';
import { planMoveToEnv } from '../security/moveToEnv/moveToEnv';
import { suppressionComment } from '../security/suppressions';
import type { AnalyzerFinding, TextEdit } from '../types';

export interface FixTarget {
  doc: TextDocument;
  finding: AnalyzerFinding;
  /** The folder whose .env and .gitignore a moved secret goes to: the project's, or the file's own folder. */
  projectDir: string;
}

/** The WorkspaceEdit a quick fix makes, or a sentence saying why there is none. */
export async function fixEdit(target: FixTarget, params: ApplyFixParams): Promise<{ edit: WorkspaceEdit; files: string[] } | string> {
  const { doc, finding } = target;
  if (params.kind === 'fix') return finding.fix ? single(doc, finding.fix.edits) : 'this finding has no automatic fix';
  if (params.kind === 'disable') {
    const reason = (params.reason ?? '').replace(/[\r\n]+/g, ' ').trim();
    if (!reason) return 'say why the rule does not apply here: the reason goes into the comment';
    const edit = isEslint(finding.ruleId) ? disableLineEdit(doc.getText(), finding, reason) : ownSuppression(doc, finding, reason);
    return edit ? single(doc, [edit]) : 'this line cannot take a comment (inside a template literal or a parse error)';
  }
  if (params.kind === 'preventive') return preventiveEdit(finding, target.projectDir);
  return moveSecret(target);
}

function isEslint(ruleId: string): boolean {
  return ruleId.startsWith('eslint/') || ruleId.startsWith('@');
}

/** `// optimus-ignore-next-line <rule> -- <reason>` above the line, at its indent. */
function ownSuppression(doc: TextDocument, finding: AnalyzerFinding, reason: string): TextEdit {
  const lineStart = doc.offsetAt({ line: finding.line - 1, character: 0 });
  const lineText = doc.getText({ start: { line: finding.line - 1, character: 0 }, end: { line: finding.line, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const comment = path.extname(doc.uri) === '.py' ? `# ${suppressionComment(finding.ruleId, reason)}` : `// ${suppressionComment(finding.ruleId, reason)}`;
  return { start: lineStart, end: lineStart, text: `${indent}${comment}\n` };
}

async function moveSecret({ doc, finding, projectDir }: FixTarget): Promise<{ edit: WorkspaceEdit; files: string[] } | string> {
  const envFile = path.join(projectDir, '.env');
  const ignoreFile = path.join(projectDir, '.gitignore');
  const [envText, gitignoreText] = await Promise.all([readOrNull(envFile), readOrNull(ignoreFile)]);
  const planned = planMoveToEnv({ path: fileURLToPath(doc.uri), text: doc.getText(), finding, envText, gitignoreText });
  if (!planned.ok) return planned.reason;
  const changes: WorkspaceEdit['documentChanges'] = [textEdits(doc, planned.plan.edits)];
  const files = [doc.uri];
  for (const [file, before, after] of [[envFile, envText, planned.plan.envText], [ignoreFile, gitignoreText, planned.plan.gitignoreText]] as const) {
    if (after === null) continue;
    changes.push(...wholeFile(file, before, after));
    files.push(pathToFileURL(file).href);
  }
  return { edit: { documentChanges: changes }, files };
}

function single(doc: TextDocument, edits: readonly TextEdit[]): { edit: WorkspaceEdit; files: string[] } {
  return { edit: { documentChanges: [textEdits(doc, edits)] }, files: [doc.uri] };
}

function textEdits(doc: TextDocument, edits: readonly TextEdit[]): TextDocumentEdit {
  return {
    textDocument: { uri: doc.uri, version: doc.version },
    edits: edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })),
  };
}

/** Creates the file or replaces all of its text, so the edit shows in the editor and can be undone. */
function wholeFile(file: string, before: string | null, after: string): NonNullable<WorkspaceEdit['documentChanges']> {
  const uri = pathToFileURL(file).href;
  const old = TextDocument.create(uri, 'plaintext', 0, before ?? '');
  const replace: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: old.positionAt((before ?? '').length) }, newText: after }] };
  return before === null ? [{ kind: 'create', uri, options: { ignoreIfExists: true } }, replace] : [replace];
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}
