import * as vscode from 'vscode';
import type { Project, ProjectRuntime } from '../../language-server/model';
import type { ProjectScore } from '../../language-server/protocol';
import { scoreText } from '../analysis/scoresModel';
import { portsText } from '../runtime/format';
import { ago, displayName, projectDescription } from './labels';
import type { DetailNode, GroupNode, TreeNode } from './nodes';
import { escapeMarkdown as escape } from '../markdown';

/** Turns a node into what VS Code draws. Ids are stable, so expanded rows stay expanded across updates. */
export function renderNode(node: TreeNode, runtimeOf: (path: string) => ProjectRuntime | undefined, scoreOf: (path: string) => ProjectScore | undefined = () => undefined): vscode.TreeItem {
  if (node.kind === 'group') return renderGroup(node);
  if (node.kind === 'project') return withScore(renderProject(node.project, runtimeOf(node.project.path)), scoreOf(node.project.path));
  return renderDetail(node);
}

/** Health and debt after the other facts of the row, and explained in its tooltip. */
function withScore(item: vscode.TreeItem, score: ProjectScore | undefined): vscode.TreeItem {
  if (!score) return item;
  item.description = [item.description, scoreText(score)].filter(Boolean).join(' · ');
  if (item.tooltip instanceof vscode.MarkdownString) {
    item.tooltip.appendMarkdown(`\n\n$(heart) Health ${Math.round(score.health)}/100 · debt ${score.debtRating} (${score.debtMinutes} min) · analyzed ${ago(score.analyzedAt)}`);
  }
  return item;
}

function renderGroup(node: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = String(node.projects.length);
  item.contextValue = 'group';
  return item;
}

function renderProject(p: Project, runtime: ProjectRuntime | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.Collapsed);
  const running = runtime?.running === true;
  item.id = `project:${p.path}`;
  item.description = running ? `▶ ${[portsText(runtime.ports), projectDescription(p)].filter(Boolean).join(' · ')}` : projectDescription(p);
  item.tooltip = projectTooltip(p);
  // Menus key on this: `project`, then `.git` for repositories, then `.running` or `.stopped`.
  item.contextValue = `project${p.git ? '.git' : ''}${running ? '.running' : '.stopped'}`;
  item.iconPath = running ? new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('testing.iconPassed')) : projectIcon(p, runtime);
  item.accessibilityInformation = { label: `${p.name}, ${running ? 'running, ' : ''}${item.description}` };
  return item;
}

function projectIcon(p: Project, runtime: ProjectRuntime | undefined): vscode.ThemeIcon {
  if (runtime?.crashed) return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.warningForeground'));
  const color = p.git?.error || p.findings.some((f) => f.severity === 'error')
    ? new vscode.ThemeColor('list.errorForeground')
    : p.git?.dirty ? new vscode.ThemeColor('gitDecoration.modifiedResourceForeground') : undefined;
  const id = p.children.length > 0 ? 'folder-library' : p.git ? 'repo' : 'folder';
  return new vscode.ThemeIcon(id, color);
}

function projectTooltip(p: Project): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(p.name)}**  \n`);
  md.appendText(p.path);
  md.appendMarkdown('\n\n');
  const stack = [...p.stack.languages, ...p.stack.frameworks].map(displayName).join(', ');
  if (stack) md.appendMarkdown(`$(layers) ${escape(stack)}  \n`);
  if (p.stack.packageManagers.length > 0) md.appendMarkdown(`$(package) ${escape(p.stack.packageManagers.join(', '))} · ${p.dependencies.count} dependencies  \n`);
  const git = p.git;
  if (git) {
    md.appendMarkdown(`$(git-branch) ${escape(git.branch ?? 'detached')}${git.dirty ? ` · ${git.changedFiles} changed` : ''}${git.ahead ? ` · ${git.ahead} to push` : ''}${git.behind ? ` · ${git.behind} to pull` : ''}  \n`);
    if (git.lastCommit) md.appendMarkdown(`$(git-commit) ${escape(git.lastCommit.subject)} · ${ago(git.lastCommit.date)}  \n`);
  }
  if (p.findings.length > 0) md.appendMarkdown(`$(warning) ${p.findings.length} problem${p.findings.length === 1 ? '' : 's'}`);
  return md;
}

function renderDetail(node: DetailNode): vscode.TreeItem {
  const state = (node.children && node.children.length > 0) || node.lazy ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.tooltip !== undefined) item.tooltip = node.tooltip;
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
  item.contextValue = node.file ? 'detail.file' : 'detail';
  if (node.file) {
    const selection = node.line ? new vscode.Range(node.line - 1, 0, node.line - 1, 0) : undefined;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(node.file), selection ? { selection } : {}] };
  } else if (node.command) {
    item.command = { command: node.command.id, title: node.command.title, arguments: [{ path: node.command.path }] };
  }
  return item;
}

