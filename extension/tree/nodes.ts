import type * as vscode from 'vscode';
import type { Project } from '../../language-server/model';

/** A node of the Projects tree: a group of projects, a project, or one line of a project's details. */
export type TreeNode = GroupNode | ProjectNode | DetailNode;

export interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  projects: Project[];
}

export interface ProjectNode {
  kind: 'project';
  project: Project;
}

export interface DetailNode {
  kind: 'detail';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  children?: TreeNode[];
  /** A file to open on click (a manifest, a file a finding names). */
  file?: string;
  line?: number;
  /** A command to run on click, given `{ path }` of the project. */
  command?: { id: string; title: string; path: string };
  /** Children fetched from the server when the node is expanded (they change without a rescan). */
  lazy?: { kind: 'env'; path: string };
}

export function isProjectNode(value: unknown): value is ProjectNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'project' && typeof (value as ProjectNode).project?.path === 'string';
}

export type NodeRenderer = (node: TreeNode) => vscode.TreeItem;
