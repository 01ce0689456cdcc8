import type { EnvView, MaskedEnvFile } from '../../language-server/orchestrator/env/envView';
import { plural } from './details';
import type { DetailNode } from './nodes';

const ROLE_TEXT: Record<MaskedEnvFile['role'], string> = { active: 'loaded', example: 'example', inactive: 'other profile' };

/** A project's environment as the server sends it: values are masked there, and nothing here unmasks them. */
export function envDetails(path: string, view: EnvView): DetailNode[] {
  const id = `${path}#env`;
  const profile: DetailNode = {
    kind: 'detail', id: `${id}/profile`, label: 'Profile', description: `${view.profile} (${sourceText(view.profileSource)})`, icon: 'settings',
    tooltip: 'Click to choose the profile the next start loads', command: { id: 'optimus.selectEnvProfile', title: 'Choose Environment', path },
  };
  const nodes: DetailNode[] = [profile];
  if (view.missing.length > 0) {
    nodes.push({ kind: 'detail', id: `${id}/missing`, label: 'Missing keys', description: view.missing.join(', '), icon: 'warning', tooltip: `In the example file but set by none of the ${view.profile} profile's files` });
  }
  if (view.files.length === 0) nodes.push({ kind: 'detail', id: `${id}/none`, label: 'No .env files', icon: 'info' });
  nodes.push(...view.files.map((f) => fileNode(id, f)));
  nodes.push(...view.findings.map((f, i): DetailNode => ({ kind: 'detail', id: `${id}/finding/${i}`, label: f.message, icon: 'warning', ...(f.file ? { file: f.file } : {}) })));
  return nodes;
}

function fileNode(id: string, f: MaskedEnvFile): DetailNode {
  const keys: DetailNode[] = f.keys.map((k) => ({ kind: 'detail', id: `${id}/${f.name}/${k.key}`, label: k.key, description: k.value || '(empty)', file: f.path, line: k.line }));
  return { kind: 'detail', id: `${id}/${f.name}`, label: f.name, description: `${ROLE_TEXT[f.role]} · ${plural(f.keys.length, 'key')}`, icon: f.role === 'active' ? 'file-code' : 'file', file: f.path, children: keys };
}

function sourceText(source: EnvView['profileSource']): string {
  return source === 'settings' ? 'chosen in Optimus' : source === 'default' ? 'default' : source === 'argument' ? 'asked for' : source;
}
