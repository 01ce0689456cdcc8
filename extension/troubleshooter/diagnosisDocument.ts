import type { DiagnoseResult } from '../../language-server/protocol';

/** The details page of a diagnosis: cause, explanation, every fix, the frames in the user's code. */
export function diagnosisMarkdown(result: DiagnoseResult): string {
  const d = result.diagnosis;
  const lines = [`# ${d.title}`, '', `${d.summary}${ownersText(result)}`, '', `*Diagnosis \`${d.id}\`, confidence ${Math.round(d.confidence * 100)}%${d.by === 'classifier' ? ', by resemblance to known errors' : ''}.*`, '', d.explanation];
  if (d.fixes.length > 0) {
    lines.push('', '## Fixes', '');
    for (const f of d.fixes) lines.push(`- **${f.title}**${f.command ? `: \`${f.command}\`` : ''}${f.guide ? ` — ${f.guide}` : ''}${(f.links ?? []).map((l) => ` [${l}](${l})`).join('')}`);
  }
  const user = d.frames.filter((f) => f.userCode).slice(0, 10);
  if (user.length > 0) {
    lines.push('', '## In your code', '');
    for (const f of user) lines.push(`- \`${f.file}:${f.line}${f.column ? `:${f.column}` : ''}\`${f.function ? ` in \`${f.function}\`` : ''}`);
  }
  if (d.alternatives.length > 0) lines.push('', `Also possible: ${d.alternatives.map((a) => `\`${a.id}\``).join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

/** The cause in one line: for a taken port, who takes it ("Port 3000 is taken by node (pid 4121, project shop)."). */
export function headline(result: DiagnoseResult): string {
  const holders = holdersOf(result);
  const port = result.diagnosis.captures.port;
  if (holders.length > 0 && port) return `Port ${port} is taken by ${holders.join(' and ')}.`;
  return `${result.diagnosis.summary}${ownersText(result)}`;
}

/** " It is held by node (pid 4121, project shop).", for a port that something holds now. */
export function ownersText(result: DiagnoseResult): string {
  if (!result.portOwners) return '';
  const holders = holdersOf(result);
  return holders.length > 0 ? ` It is held by ${holders.join(' and ')}.` : ' Nothing holds it any more: try again.';
}

function holdersOf(result: DiagnoseResult): string[] {
  const owners = result.portOwners;
  if (!owners) return [];
  const procs = owners.processes.slice(0, 2).map((p) => `${programOf(p.command)} (pid ${p.pid}${p.projectPath ? `, project ${baseName(p.projectPath)}` : ''})`);
  return [...procs, ...owners.containers.slice(0, 2).map((c) => `container ${c.name}`)];
}

function programOf(command: string): string {
  const first = command.split(' ')[0] ?? command;
  return baseName(first) || command;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).filter(Boolean).pop() ?? p;
}
