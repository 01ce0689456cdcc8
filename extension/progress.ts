import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ProgressParams } from '../language-server/protocol';

type Reporter = (params: ProgressParams) => void;
const reporters = new Map<string, Reporter>();
let nextId = 1;

/** Routes the server's progress notifications to the progress UI of the request that asked for them. */
export function routeProgress(params: ProgressParams): void {
  reporters.get(params.progressId)?.(params);
}

/**
 * Runs a long server request under a cancellable progress notification: the server's progress lines show in
 * it, and Cancel cancels the request ($/cancelRequest), which aborts the work on the server.
 */
export function withServerProgress<T>(title: string, run: (progressId: string, token: vscode.CancellationToken) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const progressId = `p${nextId++}`;
    let shown = 0;
    reporters.set(progressId, ({ message, percent }) => {
      const increment = percent === undefined ? undefined : Math.max(0, percent - shown);
      if (percent !== undefined) shown = Math.max(shown, percent);
      progress.report({ message, ...(increment ? { increment } : {}) });
    });
    try {
      return await run(progressId, token);
    } finally {
      reporters.delete(progressId);
    }
  });
}

/** A request the user cancelled rejects; that is not an error worth a message. */
export function wasCancelled(error: unknown, token: vscode.CancellationToken): boolean {
  return token.isCancellationRequested || (error instanceof Error && /cancel/i.test(error.message));
}

export type ClientGetter = () => LanguageClient;
