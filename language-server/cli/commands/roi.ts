import path from 'node:path';
import { ENTRY_SYNTAX, MAX_RATE, parseEntryText } from '../../advisor/roi/entryText';
import { toHours } from '../../advisor/roi/gitHours';
import { projectRoi } from '../../advisor/roi/projectRoi';
import type { ProjectRoi, RoiEntries } from '../../advisor/roi/projectRoi';
import type { MoneyItem, RoiFigures } from '../../advisor/roi/roiFormulas';
import { addRoiEntry, listRoiEntries, loadHourlyRate, removeRoiEntry, saveHourlyRate } from '../../store/roiRepo';
import type { RoiDirection, RoiEntry } from '../../store/roiRepo';
import type { Store } from '../../store/store';
import { cliAction } from '../audited';
import { existingFolder, intOption, positionals, stringOption } from '../checks';
import { defineCommand } from '../command';
import type { CliContext, RawArgs } from '../command';
import { writeJson } from '../output';
import { renderTable } from '../table';
import { UsageError } from '../usage';

const USAGE = 'roi PATH [options]';

interface RoiArgs {
  path: string;
  rate: number | undefined;
  gap: number | undefined;
  first: number | undefined;
  add: Array<MoneyItem & { direction: RoiDirection }>;
  remove: number[];
}

/** `optimus roi PATH`: hours from git history, priced, against the costs and revenue the user entered. */
export const roiCommand = defineCommand<RoiArgs>({
  name: 'roi',
  usage: USAGE,
  summary: 'hours invested (from git history), costs, revenue and return on investment of a project',
  options: {
    rate: { type: 'string', value: 'N', help: "set the project's hourly rate (stored), in the currency of its entries" },
    gap: { type: 'string', value: 'MIN', help: 'commits of one author less than MIN minutes apart form one session (default 120)' },
    first: { type: 'string', value: 'MIN', help: "minutes each session's first commit adds (default 120)" },
    cost: { type: 'string', multiple: true, value: 'ITEM', help: `store a cost, ${ENTRY_SYNTAX} (repeatable), e.g. --cost Hosting=5/month` },
    revenue: { type: 'string', multiple: true, value: 'ITEM', help: `store a revenue, ${ENTRY_SYNTAX} (repeatable)` },
    remove: { type: 'string', multiple: true, value: 'ID', help: 'remove the stored cost or revenue with this id (repeatable; ids are in the table)' },
  },
  parse: (raw) => ({
    path: positionals(raw, ['PATH'], USAGE)[0] as string,
    rate: rateOption(raw),
    gap: intOption(raw, 'gap', 1, 7 * 24 * 60),
    first: intOption(raw, 'first', 0, 24 * 60),
    add: [...entriesOption(raw, 'cost'), ...entriesOption(raw, 'revenue')],
    remove: idsOption(raw),
  }),
  async run(args, ctx) {
    const dir = await existingFolder(args.path, USAGE);
    if (hasWrites(args)) await applyWrites(args, dir, ctx, writableStore(ctx.store));
    const { stored, rate } = await storedMoney(ctx.store, dir);
    const roi = await projectRoi(dir, entriesOf(stored, rate), hoursOptions(args));
    if (ctx.global.json) writeJson(ctx.out, contract(roi));
    else ctx.out.write(text(dir, roi, stored, rate) + '\n');
    for (const note of roi.notes) ctx.err.write(`note: ${note}\n`);
    return 0;
  },
});

function rateOption(raw: RawArgs): number | undefined {
  const text = stringOption(raw, 'rate');
  if (text === undefined) return undefined;
  const rate = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(rate >= 0 && rate <= MAX_RATE)) throw new UsageError(`--rate must be a number from 0 to ${MAX_RATE} (got "${text}").`);
  return rate;
}

function entriesOption(raw: RawArgs, direction: RoiDirection): RoiArgs['add'] {
  const texts = (raw.options[direction] as string[] | undefined) ?? [];
  return texts.map((t) => {
    const entry = parseEntryText(t);
    if (typeof entry === 'string') throw new UsageError(`--${direction}: ${entry}.`);
    return { ...entry, direction };
  });
}

function idsOption(raw: RawArgs): number[] {
  const texts = (raw.options.remove as string[] | undefined) ?? [];
  return texts.map((t) => {
    if (!/^\d+$/.test(t.trim()) || Number(t) < 1) throw new UsageError(`--remove needs the id of an entry, a whole number from 1 (got "${t}").`);
    return Number(t);
  });
}

function hoursOptions(args: RoiArgs): { gapMinutes?: number; firstCommitMinutes?: number } {
  return { ...(args.gap === undefined ? {} : { gapMinutes: args.gap }), ...(args.first === undefined ? {} : { firstCommitMinutes: args.first }) };
}

function hasWrites(args: RoiArgs): boolean {
  return args.rate !== undefined || args.add.length > 0 || args.remove.length > 0;
}

function writableStore(store: Store | null): Store {
  if (!store) throw new Error('the Optimus database could not be opened, so nothing can be stored; see the message above.');
  return store;
}

/** Each change is its own audited action: the log then says exactly which entry was added or removed. */
async function applyWrites(args: RoiArgs, dir: string, ctx: CliContext, store: Store): Promise<void> {
  const rate = args.rate;
  if (rate !== undefined) await cliAction(ctx, { action: 'roi.rate', target: dir, details: { rate } }, () => saveHourlyRate(store, dir, rate));
  for (const { direction, ...item } of args.add) {
    const details: Record<string, unknown> = { direction, ...item };
    await cliAction(ctx, { action: `roi.${direction}`, target: dir, details }, async () => {
      details.id = (await addRoiEntry(store, dir, { direction, ...item })).id;
    });
  }
  for (const id of args.remove) {
    await cliAction(ctx, { action: 'roi.remove', target: dir, details: { id } }, async () => {
      if (!(await removeRoiEntry(store, dir, id))) throw new Error(`${dir} has no cost or revenue with id ${id} (the table lists the ids).`);
    });
  }
}

/** Without a store (it could not be opened) there is nothing entered: hours only, priced at 0. */
async function storedMoney(store: Store | null, dir: string): Promise<{ stored: RoiEntry[]; rate: number | null }> {
  if (!store) return { stored: [], rate: null };
  return { stored: await listRoiEntries(store, dir), rate: await loadHourlyRate(store, dir) };
}

function entriesOf(stored: readonly RoiEntry[], rate: number | null): RoiEntries {
  return { costs: stored.filter((e) => e.direction === 'cost'), revenue: stored.filter((e) => e.direction === 'revenue'), hourlyRate: rate ?? 0 };
}

/** Exactly the keys of the documented contract; payback and cost per month are in the table only. */
function contract({ estimate, figures }: ProjectRoi) {
  return {
    hours: toHours(estimate.seconds),
    sessions: estimate.sessions,
    commits: estimate.commits,
    authors: estimate.authors.map((a) => ({ name: a.name, email: a.email, hours: toHours(a.seconds) })),
    byMonth: estimate.byMonth.map((m) => ({ month: m.month, hours: toHours(m.seconds) })),
    costs: toTheCent(figures.costsToDate),
    revenue: toTheCent(figures.revenueToDate),
    roi: figures.roi === null ? null : Math.round(figures.roi * 10_000) / 10_000,
  };
}

function text(dir: string, { estimate: e, figures: f }: ProjectRoi, stored: readonly RoiEntry[], rate: number | null): string {
  const head = `${path.basename(dir)}: ${toHours(e.seconds).toFixed(1)} h in ${count(e.sessions, 'session')}, ${count(e.commits, 'commit')} by ${count(e.authors.length, 'author')}`;
  const authors = renderTable(['AUTHOR', 'EMAIL', 'COMMITS', 'SESSIONS', 'HOURS'], e.authors.map((a) => [a.name, a.email, String(a.commits), String(a.sessions), toHours(a.seconds).toFixed(1)]));
  const months = renderTable(['MONTH', 'HOURS'], e.byMonth.map((m) => [m.month, toHours(m.seconds).toFixed(1)]));
  const entries = stored.length === 0 ? 'No costs or revenue entered (add them with --cost and --revenue).' : entryTable(stored);
  return [head, e.authors.length > 0 ? authors : 'No commits counted.', e.byMonth.length > 0 ? months : '', entries, moneyLines(f, rate)].filter((s) => s !== '').join('\n\n');
}

function moneyLines(f: RoiFigures, rate: number | null): string {
  const rows: Array<[string, string]> = [
    ['Hourly rate', rate === null ? 'not set (--rate N)' : money2(rate)],
    ['Labour', money2(f.labour)],
    ['Costs to date', money2(f.costsToDate)],
    ['Revenue to date', money2(f.revenueToDate)],
    ['Invested', money2(f.invested)],
    ['ROI', f.roi === null ? 'n/a (nothing invested)' : `${(f.roi * 100).toFixed(1)} %`],
    ['Cost per month', money2(f.costPerMonth)],
    ['Revenue per month', money2(f.revenuePerMonth)],
    ['Payback', paybackText(f)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

function entryTable(stored: readonly RoiEntry[]): string {
  return renderTable(['ID', 'KIND', 'NAME', 'AMOUNT', 'SINCE'], stored.map((s) => [String(s.id), `${s.direction}${s.kind === 'monthly' ? '/month' : ''}`, s.name, money2(s.amount), s.since]));
}

function paybackText({ paybackMonths: months, invested }: RoiFigures): string {
  if (months === null) return 'never at the current monthly net';
  if (months > 0) return `${months.toFixed(1)} months at the current monthly net`;
  return invested > 0 ? 'paid back' : 'nothing to pay back';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function toTheCent(value: number): number {
  return Math.round(value * 100) / 100;
}

function money2(value: number): string {
  return value.toFixed(2);
}
