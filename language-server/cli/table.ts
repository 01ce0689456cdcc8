import type { GitState, Project } from '../model';

/** The readable form of `optimus scan`: one row per project, columns padded to fit. */
export function projectTable(projects: readonly Project[]): string {
  if (projects.length === 0) return 'No projects found.';
  const rows = projects.map((p) => [indent(p) + p.name, stackText(p), p.git?.branch ?? (p.git ? '(detached)' : '-'), gitText(p.git), lastCommitText(p.git), p.path]);
  return renderTable(['NAME', 'STACK', 'BRANCH', 'GIT', 'LAST COMMIT', 'PATH'], rows);
}

/** Columns padded to their widest cell; the last column is not padded, so long paths or commands do not add trailing blanks. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function indent(p: Project): string {
  return p.parent ? '  ' : '';
}

export function stackText(p: Project): string {
  const parts = [...p.stack.languages, ...p.stack.frameworks];
  return parts.length > 0 ? parts.join(', ') : '-';
}

export function gitText(git: GitState | null): string {
  if (!git) return '-';
  if (git.error) return 'error';
  const parts: string[] = [];
  if (git.dirty) parts.push(`${git.changedFiles} changed`);
  if (git.ahead) parts.push(`↑${git.ahead}`);
  if (git.behind) parts.push(`↓${git.behind}`);
  if (parts.length === 0) parts.push(git.complete ? 'clean' : '…');
  return parts.join(' ');
}

function lastCommitText(git: GitState | null): string {
  const c = git?.lastCommit;
  if (!c) return '-';
  const subject = c.subject.length > 40 ? c.subject.slice(0, 39) + '…' : c.subject;
  return `${c.date.slice(0, 10)} ${subject}`;
}
