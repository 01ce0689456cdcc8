import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/**
 * Applies a WorkspaceEdit to the files on disk, as VS Code would to its documents (after its preview, for edits
 * that ask for one: their labels are pushed to `previews`), and answers like it.
 */
export async function applyToDisk(edit: WorkspaceEdit, previews: string[] = []): Promise<{ applied: boolean }> {
  for (const [id, annotation] of Object.entries(edit.changeAnnotations ?? {})) if (annotation.needsConfirmation) previews.push(`${id}: ${annotation.label}`);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') await writeFile(fileURLToPath(change.uri), '', { flag: 'a' });
      continue;
    }
    const file = fileURLToPath((change as TextDocumentEdit).textDocument.uri);
    const doc = TextDocument.create(change.textDocument.uri, 'plaintext', 0, await readFile(file, 'utf8'));
    await writeFile(file, TextDocument.applyEdits(doc, change.edits.filter((e): e is TextEdit => 'newText' in e)));
  }
  return { applied: true };
}
