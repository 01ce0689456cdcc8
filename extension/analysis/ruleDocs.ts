import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplainRuleRequest } from '../../language-server/protocol';

/**
 * The pages behind the rule ids of Optimus's problems (`optimus-rule:/secret/aws-access-key.md`): clicking the
 * code in the Problems panel or a hover opens the rule's explanation, written by the server.
 */
export function registerRuleDocs(client: () => LanguageClient): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider('optimus-rule', {
    provideTextDocumentContent: async (uri) => {
      const ruleId = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
      return (await client().sendRequest(ExplainRuleRequest.type, { ruleId })) ?? `# ${ruleId}\n\nOptimus has no page for this rule.\n`;
    },
  });
}
