import path from 'node:path';
import type { Finding, GitState, Manifest, Project } from '../../language-server/model';
import { ago, displayName, gitBadges } from './labels';
import type { DetailNode, TreeNode } from './nodes';

/** What expanding a project shows: stack, git, dependencies, members and problems. */
export function projectDetails(p: Project, members: Project[]): TreeNode[] {
  const nodes: TreeNode[] = [stackNode(p)];
  if (p.git) nodes.push(gitNode(p, p.git));
  nodes.push(dependenciesNode(p));
  nodes.push({ kind: 'detail', id: `${p.path}#env`, label: 'Environment', icon: 'symbol-key', tooltip: '.env files, keys with values masked', lazy: { kind: 'env', path: p.path } });
  if (members.length > 0) nodes.push({ kind: 'detail', id: `${p.path}#members`, label: 'Members', description: String(members.length), icon: 'folder-library', children: members.map((m) => ({ kind: 'project', project: m })) });
  if (p.findings.length > 0) nodes.push(findingsNode(p));
  return nodes;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function line(id: string, label: string, description: string, icon?: string, extra: Partial<DetailNode> = {}): DetailNode {
  return { kind: 'detail', id, label, description, ...(icon ? { icon } : {}), ...extra };
}

function stackNode(p: Project): DetailNode {
  const id = `${p.path}#stack`;
  const list = (ids: string[]): string => (ids.length > 0 ? ids.map(displayName).join(', ') : 'none found');
  return line(id, 'Stack', [...p.stack.languages, ...p.stack.frameworks].map(displayName).join(', ') || 'unknown', 'layers', {
    children: [
      line(`${id}/languages`, 'Languages', list(p.stack.languages)),
      line(`${id}/frameworks`, 'Frameworks', list(p.stack.frameworks)),
      line(`${id}/pm`, 'Package managers', list(p.stack.packageManagers)),
    ],
  });
}

function gitNode(p: Project, git: GitState): DetailNode {
  const id = `${p.path}#git`;
  const children: DetailNode[] = [line(`${id}/branch`, 'Branch', git.branch ?? `detached at ${git.head?.slice(0, 7) ?? '?'}`, 'git-branch')];
  if (git.error) children.push(line(`${id}/error`, 'Error', git.error, 'warning', { tooltip: git.error }));
  if (git.complete) {
    children.push(line(`${id}/changes`, 'Changes', git.dirty ? `${plural(git.changedFiles, 'file')} (${git.untrackedFiles} untracked)` : 'none', 'diff'));
    children.push(line(`${id}/upstream`, 'Upstream', git.upstream ? `${git.upstream} ↑${git.ahead ?? 0} ↓${git.behind ?? 0}` : 'none', 'cloud'));
    children.push(line(`${id}/activity`, 'Commits in 30 days', String(git.commitsLast30Days), 'pulse'));
  }
  if (git.lastCommit) {
    const c = git.lastCommit;
    children.push(line(`${id}/last`, 'Last commit', `${c.subject} · ${ago(c.date)}`, 'git-commit', { tooltip: `${c.hash}\n${c.author ?? ''} ${c.date}\n\n${c.subject}` }));
  } else if (git.complete && git.head === null) {
    children.push(line(`${id}/last`, 'Last commit', 'no commits yet', 'git-commit'));
  }
  if (git.remoteUrl) children.push(line(`${id}/remote`, 'Remote', git.remoteUrl, 'remote'));
  return line(id, 'Git', [git.branch ?? 'detached', gitBadges(git)].filter(Boolean).join(' '), 'source-control', { children });
}

function dependenciesNode(p: Project): DetailNode {
  const id = `${p.path}#deps`;
  const manifests = p.dependencies.manifests;
  const children = manifests.map((m, i) => manifestNode(`${id}/${i}`, p, m));
  return line(id, 'Dependencies', manifests.length > 0 ? String(p.dependencies.count) : 'no manifest', 'package', { children });
}

function manifestNode(id: string, p: Project, m: Manifest): DetailNode {
  const counts = new Map<string, number>();
  for (const d of m.dependencies) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const summary = [...counts.entries()].map(([kind, n]) => `${n} ${kind}`).join(' · ') || 'none declared';
  const locked = m.lockfile ? ` · locked by ${path.basename(m.lockfile)}` : '';
  return line(id, path.relative(p.path, m.path) || m.kind, summary + locked, 'file', { file: m.path });
}

function findingsNode(p: Project): DetailNode {
  const id = `${p.path}#findings`;
  const children = p.findings.map((f, i) => findingNode(`${id}/${i}`, f));
  return line(id, 'Problems', String(p.findings.length), 'warning', { children });
}

function findingNode(id: string, f: Finding): DetailNode {
  const icon = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info';
  return line(id, f.message, f.code, icon, { tooltip: f.message, ...(f.file ? { file: f.file } : {}), ...(f.line ? { line: f.line } : {}) });
}
