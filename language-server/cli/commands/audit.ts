import { listAudit, type AuditRecord } from '../../store/auditLog';
import { intOption, noPositionals } from '../checks';
import { defineCommand } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { renderTable } from '../table';

const MAX_DETAILS_CHARS = 80;

export const auditCommand = defineCommand<{ limit: number | undefined }>({
  name: 'audit',
  usage: 'audit [--limit N]',
  summary: 'the audit log of starts, stops, backups, restores, newest first',
  options: { limit: { type: 'string', value: 'N', help: 'show the newest N rows (default 100, at most 10000)' } },
  parse(raw) {
    noPositionals(raw, 'arguments');
    return { limit: intOption(raw, 'limit', 1, 10_000) };
  },
  async run(args, { store, global, out, err }) {
    if (!store) err.write('optimus: the store could not be opened, so there is no audit log to show.\n');
    const entries = store ? await listAudit(store, args.limit === undefined ? {} : { limit: args.limit }) : [];
    if (global.json && global.batch) writeJsonLines(out, entries);
    else if (global.json) writeJson(out, { entries });
    else out.write(auditTable(entries) + '\n');
    return store ? 0 : 1;
  },
});

function auditTable(entries: readonly AuditRecord[]): string {
  if (entries.length === 0) return 'The audit log is empty.';
  const rows = entries.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.actor, e.action, e.outcome, e.target, detailsText(e.details)]);
  return renderTable(['AT (UTC)', 'ACTOR', 'ACTION', 'OUTCOME', 'TARGET', 'DETAILS'], rows);
}

function detailsText(details: Record<string, unknown> | null): string {
  if (!details) return '-';
  const text = JSON.stringify(details);
  return text.length > MAX_DETAILS_CHARS ? text.slice(0, MAX_DETAILS_CHARS - 1) + '…' : text;
}
