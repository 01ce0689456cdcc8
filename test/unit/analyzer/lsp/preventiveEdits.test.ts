import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { preventiveEdit } from '../../../../language-server/analyzer/lsp/preventiveEdits';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import { writeTree } from '../../../integration/helpers/files';
import { useTempDir } from '../../../integration/helpers/tempDir';

const finding = (data: AnalyzerFinding['data']): AnalyzerFinding => ({ ruleId: 'preventive/x', category: 'quality', severity: 'warning', path: '/x', line: 1, column: 1, message: 'm', ...(data ? { data } : {}) });

/** The text each file has once the edit is applied, as VS Code would after the preview. */
async function applied(edit: WorkspaceEdit): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) continue;
    const docEdit = change as TextDocumentEdit;
    const file = new URL(docEdit.textDocument.uri).pathname;
    const before = await readFile(file, 'utf8').catch(() => '');
    out.set(file, TextDocument.applyEdits(TextDocument.create(docEdit.textDocument.uri, 'json', 0, before), docEdit.edits.filter((e): e is import('vscode-languageserver/node').TextEdit => 'newText' in e)));
  }
  return out;
}

describe('preventive fixes: the edits they make', () => {
  const tmp = useTempDir('preventive-edits');
  const pkg = (): string => path.join(tmp(), 'package.json');

  it('bad input first: malformed package.json, a hostile package name, a hostile key, an .env outside the project', async () => {
    await writeFile(pkg(), '{ "name": "x", ');
    assert.match(String(await preventiveEdit(finding({ fixEdit: 'add-dependency', dependency: 'lodash', version: '4.17.21' }), tmp())), /not valid JSON/);
    await writeFile(pkg(), '{ "name": "x" }\n');
    assert.match(String(await preventiveEdit(finding({ fixEdit: 'add-dependency', dependency: '../../evil', version: '1.0.0' }), tmp())), /not a package name/);
    assert.match(String(await preventiveEdit(finding({ fixEdit: 'add-env-key', envFile: '.env', key: 'A=B\nC' }), tmp())), /not an environment variable name/);
    assert.match(String(await preventiveEdit(finding({ fixEdit: 'add-env-key', envFile: '../.env', key: 'TOKEN' }), tmp())), /must be in the project folder/);
    assert.match(String(await preventiveEdit(finding({ fixEdit: 'rm-rf' }), tmp())), /no edit/);
  });

  it('adds a dependency with the installed version, keeping the layout of package.json, for a preview', async () => {
    const before = '{\n    "name": "shop",\n    "dependencies": {\n        "express": "^4.19.2"\n    }\n}\n';
    await writeFile(pkg(), before);
    const result = await preventiveEdit(finding({ fixEdit: 'add-dependency', dependency: 'lodash', version: '4.17.21' }), tmp());
    assert.ok(typeof result !== 'string', String(result));
    assert.equal(result.edit.changeAnnotations?.['optimus-preview']?.needsConfirmation, true, 'shown in the refactor preview first');
    const after = (await applied(result.edit)).get(pkg());
    assert.equal(after, '{\n    "name": "shop",\n    "dependencies": {\n        "express": "^4.19.2",\n        "lodash": "^4.17.21"\n    }\n}\n');
  });

  it('sets "type": "module", and adds an empty key to .env, creating it when missing, once', async () => {
    await writeTree(tmp(), { 'package.json': '{\n  "name": "shop"\n}\n' });
    const typed = await preventiveEdit(finding({ fixEdit: 'set-type-module' }), tmp());
    assert.ok(typeof typed !== 'string');
    assert.deepEqual(JSON.parse((await applied(typed.edit)).get(pkg()) ?? ''), { name: 'shop', type: 'module' });
    const created = await preventiveEdit(finding({ fixEdit: 'add-env-key', envFile: '.env', key: 'DATABASE_URL' }), tmp());
    assert.ok(typeof created !== 'string');
    assert.ok(created.edit.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'), 'creates .env');
    assert.equal((await applied(created.edit)).get(path.join(tmp(), '.env')), 'DATABASE_URL=\n');
    await writeFile(path.join(tmp(), '.env'), 'PORT=3000');
    const appended = await preventiveEdit(finding({ fixEdit: 'add-env-key', envFile: '.env', key: 'DATABASE_URL' }), tmp());
    assert.ok(typeof appended !== 'string');
    assert.equal((await applied(appended.edit)).get(path.join(tmp(), '.env')), 'PORT=3000\nDATABASE_URL=\n');
    await writeFile(path.join(tmp(), '.env'), 'export DATABASE_URL=postgres://x\n');
    assert.match(String(await preventiveEdit(finding({ fixEdit: 'add-env-key', envFile: '.env', key: 'DATABASE_URL' }), tmp())), /already in \.env/);
  });
});
