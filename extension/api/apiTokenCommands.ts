import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ApiStatusRequest, ApiTokenCreateRequest, ApiTokenRevokeRequest, ApiTokensRequest } from '../../language-server/protocol';
import { errorText } from '../commands/pickProject';

/** SecretStorage key of a token's value, by its id: the store keeps only its hash. */
const secretKey = (id: string): string => `optimus.api.token.${id}`;

/**
 * The local REST API's tokens from the editor: create one (its value shown once, kept in SecretStorage, copied
 * on request), list them, revoke one. The server refuses creating and revoking in an untrusted workspace.
 */
export function registerApiTokenCommands(context: vscode.ExtensionContext, client: () => LanguageClient): vscode.Disposable[] {
  const guarded = (run: () => Promise<void>) => () => run().catch((error: unknown) => void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`));
  return [
    vscode.commands.registerCommand('optimus.api.createToken', guarded(() => createToken(context, client()))),
    vscode.commands.registerCommand('optimus.api.revokeToken', guarded(() => revokeToken(context, client()))),
  ];
}

async function createToken(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  const scope = await vscode.window.showQuickPick(
    [
      { label: 'read', description: 'list projects, runtime, findings, money, next actions; diagnose' },
      { label: 'write', description: 'also start, stop, fix, deploy and back up' },
    ],
    { title: 'Scope of the new API token' },
  );
  if (!scope) return;
  const name = await vscode.window.showInputBox({ title: 'What is the token for?', prompt: 'Shown in the token list (e.g. "home dashboard").', value: '' });
  if (name === undefined) return;
  const created = await client.sendRequest(ApiTokenCreateRequest.type, { scope: scope.label as 'read' | 'write', ...(name.trim() ? { name: name.trim() } : {}) });
  await context.secrets.store(secretKey(created.id), created.token);
  const status = await client.sendRequest(ApiStatusRequest.type);
  const where = status.url ? `The API listens on ${status.url}.` : 'Turn on optimus.api.enabled to serve the API from VS Code, or run `optimus serve`.';
  const choice = await vscode.window.showInformationMessage(`API token ${created.id} (${created.scope}) created and kept in VS Code's secret storage. ${where}`, 'Copy Token');
  if (choice) await vscode.env.clipboard.writeText(created.token);
}

async function revokeToken(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  const tokens = (await client.sendRequest(ApiTokensRequest.type)).filter((t) => t.state === 'active');
  if (tokens.length === 0) return void vscode.window.showInformationMessage('Optimus has no active API token.');
  const picked = await vscode.window.showQuickPick(
    tokens.map((t) => ({ label: t.name || t.id, description: `${t.scope} · ${t.id}`, detail: `created ${t.createdAt}${t.lastUsedAt ? ` · last used ${t.lastUsedAt}` : ' · never used'}`, token: t })),
    { title: 'API token to revoke' },
  );
  if (!picked) return;
  await client.sendRequest(ApiTokenRevokeRequest.type, { id: picked.token.id });
  await context.secrets.delete(secretKey(picked.token.id));
  void vscode.window.showInformationMessage(`API token ${picked.token.id} revoked.`);
}
