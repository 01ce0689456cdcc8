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
  const path = projectPathOf(arg);
  if (path !== undefined) return model.get(path);
  const items = model.all().map((p) => ({ label: p.name, description: projectDescription(p), detail: p.path, project: p }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Optimus has not found any projects yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.project;
}

/**
 * The project a command's argument names: a Projects tree node, `{ path }` (Runtime view nodes, status-bar
 * items) or a plain path; undefined for anything else (the command palette passes nothing).
 */
export function projectPathOf(arg: unknown): string | undefined {
  if (isProjectNode(arg)) return arg.project.path;
  if (typeof arg === 'string') return arg;
  const path = typeof arg === 'object' && arg !== null ? (arg as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : undefined;
}

/**
 * Registers a command that acts on one project (from the tree, a status-bar item or a pick); an error the
 * server answers with becomes one error message, worded by the server.
 */
export function projectCommand(id: string, placeHolder: string, model: ProjectsModel, run: (project: Project) => Thenable<unknown> | Promise<unknown>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg: unknown) => {
    const project = await projectFor(arg, model, placeHolder);
    if (!project) return;
    try {
      await run(project);
    } catch (error) {
      void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
    }
  });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
