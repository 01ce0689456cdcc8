import type { HistoryRow } from '../../language-server/store/troubleshootingRepo';

/** The history as a read-only document's text: by project, newest first, with verdicts and fix outcomes. */
export function historyText(rows: readonly HistoryRow[]): string {
  if (rows.length === 0) return 'No errors diagnosed yet. Failed terminal commands, crashed runs and "Optimus: Diagnose Error" are listed here.\n';
  const byProject = new Map<string, HistoryRow[]>();
  for (const r of rows) byProject.set(r.projectPath ?? '(no project)', [...(byProject.get(r.projectPath ?? '(no project)') ?? []), r]);
  const parts = [...byProject].map(([project, list]) => [`${project}`, ...list.map(rowText)].join('\n'));
  return `Optimus troubleshooting history — the latest ${rows.length}, newest first\n\n${parts.join('\n\n')}\n`;
}

function rowText(r: HistoryRow): string {
  const verdict = r.confirmed ? `  corrected to ${r.confirmed}` : r.feedback === 1 ? '  👍' : r.feedback === -1 ? '  👎' : '';
  const head = `  ${r.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}  ${r.diagnosis} (${Math.round(r.confidence * 100)}%, ${r.source})${verdict}`;
  const outcomes = r.outcomes.map((o) => `      fix ${o.fix}: ${o.outcome}${o.exitCode === null ? '' : ` (exit ${o.exitCode})`}`);
  return [head, `      ${r.excerpt}`, ...outcomes].join('\n');
}
