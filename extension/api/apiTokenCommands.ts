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
  const guarded =
    <T>(run: (preset: unknown) => Promise<T>) =>
    (preset?: unknown) =>
      run(preset).catch((error: unknown) => void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`));
  return [
    vscode.commands.registerCommand('optimus.api.createToken', guarded((preset) => createToken(context, client(), presetOf(preset)))),
    vscode.commands.registerCommand('optimus.api.revokeToken', guarded((preset) => revokeToken(context, client(), presetOf(preset)))),
  ];
}

/** What a caller (a keybinding, a test) may pass instead of picking: `{ scope, name }` to create, `{ id }` to revoke. */
interface TokenPreset {
  scope?: 'read' | 'write';
  name?: string;
  id?: string;
}

function presetOf(value: unknown): TokenPreset {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(v.scope === 'read' || v.scope === 'write' ? { scope: v.scope } : {}),
    ...(typeof v.name === 'string' ? { name: v.name } : {}),
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
  };
}

/** Returns the new token's id and scope (never its value: that goes to SecretStorage and, on request, the clipboard). */
async function createToken(context: vscode.ExtensionContext, client: LanguageClient, preset: TokenPreset): Promise<{ id: string; scope: string; kept: boolean } | undefined> {
  const scope = preset.scope ?? (await pickScope());
  if (!scope) return undefined;
  const name = preset.name ?? (await vscode.window.showInputBox({ title: 'What is the token for?', prompt: 'Shown in the token list (e.g. "home dashboard").', value: '' }));
  if (name === undefined) return undefined;
  const created = await client.sendRequest(ApiTokenCreateRequest.type, { scope, ...(name.trim() ? { name: name.trim() } : {}) });
  await context.secrets.store(secretKey(created.id), created.token);
  const kept = (await context.secrets.get(secretKey(created.id))) === created.token;
  void offerToken(client, created);
  return { id: created.id, scope: created.scope, kept };
}

async function pickScope(): Promise<'read' | 'write' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'read' as const, description: 'list projects, runtime, findings, money, next actions; diagnose' },
      { label: 'write' as const, description: 'also start, stop, fix, deploy and back up' },
    ],
    { title: 'Scope of the new API token' },
  );
  return picked?.label;
}

async function offerToken(client: LanguageClient, created: { id: string; scope: string; token: string }): Promise<void> {
  const status = await client.sendRequest(ApiStatusRequest.type);
  const where = status.url ? `The API listens on ${status.url}.` : 'Turn on optimus.api.enabled to serve the API from VS Code, or run `optimus serve`.';
  const choice = await vscode.window.showInformationMessage(`API token ${created.id} (${created.scope}) created and kept in VS Code's secret storage. ${where}`, 'Copy Token');
  if (choice) await vscode.env.clipboard.writeText(created.token);
}

/** Returns whether a token was revoked. */
async function revokeToken(context: vscode.ExtensionContext, client: LanguageClient, preset: TokenPreset): Promise<boolean> {
  const id = preset.id ?? (await pickActiveToken(client));
  if (id === undefined) return false;
  const { revoked } = await client.sendRequest(ApiTokenRevokeRequest.type, { id });
  await context.secrets.delete(secretKey(id));
  void vscode.window.showInformationMessage(revoked ? `API token ${id} revoked.` : `Optimus has no active API token ${id}.`);
  return revoked;
}

async function pickActiveToken(client: LanguageClient): Promise<string | undefined> {
  const tokens = (await client.sendRequest(ApiTokensRequest.type)).filter((t) => t.state === 'active');
  if (tokens.length === 0) return void vscode.window.showInformationMessage('Optimus has no active API token.');
  const picked = await vscode.window.showQuickPick(
    tokens.map((t) => ({ label: t.name || t.id, description: `${t.scope} · ${t.id}`, detail: `created ${t.createdAt}${t.lastUsedAt ? ` · last used ${t.lastUsedAt}` : ' · never used'}`, id: t.id })),
    { title: 'API token to revoke' },
  );
  return picked?.id;
}
