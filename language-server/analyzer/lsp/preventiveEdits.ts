import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { AnalyzerFinding } from '../types';

/** Edits of other files (package.json, .env) are shown in VS Code's refactor preview before they apply. */
const PREVIEW = 'optimus-preview';

/**
 * The edit a preventive finding's fix makes (`data.fixEdit`): a dependency added to package.json, a key added
 * to .env (empty: the value is the user's to write), or `"type": "module"` set. package.json keeps its layout:
 * jsonc-parser changes only the property it adds.
 */
export async function preventiveEdit(finding: AnalyzerFinding, projectDir: string): Promise<{ edit: WorkspaceEdit; files: string[] } | string> {
  const data = finding.data ?? {};
  const kind = data.fixEdit;
  if (kind === 'add-dependency') return editPackageJson(projectDir, ['dependencies', String(data.dependency)], versionRange(data.version), `Add ${String(data.dependency)} to package.json`);
  if (kind === 'set-type-module') return editPackageJson(projectDir, ['type'], 'module', 'Set "type": "module" in package.json');
  if (kind === 'add-env-key') return addEnvKey(projectDir, String(data.envFile ?? '.env'), String(data.key ?? ''));
  return 'this finding has no edit to make';
}

async function editPackageJson(projectDir: string, at: string[], value: string, label: string): Promise<{ edit: WorkspaceEdit; files: string[] } | string> {
  const file = path.join(projectDir, 'package.json');
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === null) return `${file} cannot be read`;
  const errors: ParseError[] = [];
  parse(before, errors, { allowTrailingComma: false });
  if (errors.length > 0) return `${file} is not valid JSON; fix it first`;
  if (at[0] === 'dependencies' && !/^(?:@[\w.-]+\/)?[\w.-]+$/.test(at[1] ?? '')) return 'that is not a package name';
  const after = applyEdits(before, modify(before, at, value, { formattingOptions: formatting(before) }));
  return replaceFile(file, before, after, label);
}

async function addEnvKey(projectDir: string, envFile: string, key: string): Promise<{ edit: WorkspaceEdit; files: string[] } | string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(key)) return 'that is not an environment variable name';
  const file = path.resolve(projectDir, envFile);
  if (path.dirname(file) !== path.resolve(projectDir)) return 'the .env file must be in the project folder';
  const before = await readFile(file, 'utf8').catch(() => null);
  const text = before ?? '';
  if (new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`, 'm').test(text)) return `${key} is already in ${path.basename(file)}`;
  const after = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${key}=\n`;
  return replaceFile(file, before, after, `Add ${key} to ${path.basename(file)}`);
}

function replaceFile(file: string, before: string | null, after: string, label: string): { edit: WorkspaceEdit; files: string[] } {
  const uri = pathToFileURL(file).href;
  const old = TextDocument.create(uri, 'plaintext', 0, before ?? '');
  const range = { start: { line: 0, character: 0 }, end: old.positionAt((before ?? '').length) };
  const edit: WorkspaceEdit = {
    documentChanges: [
      ...(before === null ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true }, annotationId: PREVIEW }] : []),
      { textDocument: { uri, version: null }, edits: [{ range, newText: after, annotationId: PREVIEW }] },
    ],
    changeAnnotations: { [PREVIEW]: { label, needsConfirmation: true, description: 'Optimus' } },
  };
  return { edit, files: [uri] };
}

/** The installed version pinned the way npm writes it; `latest` when nothing is installed. */
function versionRange(version: unknown): string {
  const v = typeof version === 'string' ? version.trim() : '';
  return /^\d+\.\d+\.\d+/.test(v) ? `^${v}` : 'latest';
}

function formatting(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
