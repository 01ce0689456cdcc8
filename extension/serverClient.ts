import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitOptions } from '../language-server/protocol';

/**
 * Starts the language server over node IPC. The client's default error handler restarts a server that dies
 * (up to four times in three minutes); the projects model asks for the list again whenever it is running.
 */
const ANALYZED_LANGUAGES = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'rust', 'java', 'kotlin', 'csharp',
  'php', 'ruby', 'swift', 'c', 'cpp', 'shellscript', 'json', 'jsonc', 'yaml', 'toml', 'properties', 'ini', 'xml',
  'dockerfile', 'terraform', 'sql',
];

export function createServerClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitOptions = {
    storePath: vscode.Uri.joinPath(context.globalStorageUri, 'optimus.sqlite').fsPath,
    trusted: vscode.workspace.isTrusted,
  };
  const clientOptions: LanguageClientOptions = {
    // Files on disk in the languages the analyzer reads (code, and config files where secrets hide).
    documentSelector: ANALYZED_LANGUAGES.map((language) => ({ scheme: 'file', language })),
    synchronize: { configurationSection: 'optimus' },
    initializationOptions,
    outputChannel: log,
  };
  return new LanguageClient('optimus', 'Optimus', serverOptions, clientOptions);
}
