import * as vscode from 'vscode';
import type { RuntimeModel } from './runtimeModel';

const SHOWN = 'optimus.dockerNoticeShown';
// States that are not news: the user turned containers off, or the first look has not happened yet.
const QUIET = ['unavailable: container monitoring is off', 'unavailable: not checked yet'];

/**
 * Says once (per machine, not per window) that no container engine answers, with why; the Running view
 * and the status-bar tooltip keep saying it quietly after that.
 */
export function dockerNotice(runtime: RuntimeModel, state: vscode.Memento): vscode.Disposable {
  const sub = runtime.onDidChange(() => {
    const docker = runtime.docker;
    if (docker === 'available' || QUIET.includes(docker) || state.get<boolean>(SHOWN)) return;
    void state.update(SHOWN, true);
    sub.dispose();
    const reason = docker.replace(/^unavailable: /, '');
    void vscode.window
      .showInformationMessage(`Optimus shows no containers: ${reason}. Everything else works. Start Docker or podman's API service (or set DOCKER_HOST) to see them.`, 'Turn Off Containers')
      .then((choice) => choice && vscode.workspace.getConfiguration('optimus').update('containers.enabled', false, vscode.ConfigurationTarget.Global));
  });
  return sub;
}
