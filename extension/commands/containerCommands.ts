import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ContainerInfo } from '../../language-server/model';
import { ContainerActionRequest, type ContainerActionParams } from '../../language-server/protocol';
import { errorText } from './pickProject';

/** The Running view's inline buttons on a container: what the user clicked is what runs, so no question. */
export function registerContainerCommands(client: () => LanguageClient): vscode.Disposable[] {
  const on = (action: ContainerActionParams['action'], doing: string) =>
    vscode.commands.registerCommand(`optimus.container.${action}`, async (node: unknown) => {
      const container = containerOf(node);
      if (!container) return;
      try {
        await vscode.window.withProgress({ location: { viewId: 'optimus.runtime' }, title: `${doing} ${container.name}` }, () =>
          client().sendRequest(ContainerActionRequest.type, { id: container.id, action }),
        );
      } catch (error) {
        void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
      }
    });
  return [on('start', 'Starting'), on('stop', 'Stopping'), on('restart', 'Restarting')];
}

function containerOf(node: unknown): ContainerInfo | undefined {
  const c = (node as { container?: ContainerInfo } | undefined)?.container;
  return c && typeof c.id === 'string' ? c : undefined;
}
