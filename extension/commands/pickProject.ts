import * as vscode from 'vscode';
import type { Project } from '../../language-server/model';
import type { ProjectsModel } from '../projectsModel';
import { isProjectNode } from '../tree/nodes';
import { projectDescription } from '../tree/labels';

/**
 * The project a command acts on: the tree node it was run on, or — from the command palette — one the user
 * picks. Undefined when the user cancels.
 */
export async function projectFor(arg: unknown, model: ProjectsModel, placeHolder: string): Promise<Project | undefined> {
  if (isProjectNode(arg)) return model.get(arg.project.path) ?? arg.project;
  const path = typeof arg === 'string' ? arg : pathOf(arg);
  if (path !== undefined) return model.get(path);
  const items = model.all().map((p) => ({ label: p.name, description: projectDescription(p), detail: p.path, project: p }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Optimus has not found any projects yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.project;
}

/** Runtime view nodes and status-bar items pass `{ path }` or a plain path. */
function pathOf(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const path = (arg as { path?: unknown }).path;
  return typeof path === 'string' ? path : undefined;
}
