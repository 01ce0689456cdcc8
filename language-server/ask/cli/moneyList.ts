import { dayOf } from '../../advisor/roi/calendar';
import { monthlyRate, totalToDate } from '../../advisor/roi/roiFormulas';
import { renderTable } from '../../cli/table';
import type { Project } from '../../model';
import { listRoiEntries } from '../../store/roiRepo';
import type { Store } from '../../store/store';

export interface EarningProject {
  name: string;
  path: string;
  revenueToDate: number;
  revenuePerMonth: number;
  costsToDate: number;
  costPerMonth: number;
}

/**
 * "Which projects make money?": the projects with revenue entered (`optimus roi PATH --revenue …`, or the Money
 * dashboard), most first, with the same to-date and monthly sums `optimus roi` shows.
 */
export async function earningProjects(store: Store | null, projects: readonly Project[], now = new Date()): Promise<EarningProject[]> {
  if (!store) return [];
  const today = dayOf(now);
  const rows: EarningProject[] = [];
  for (const p of projects) {
    const entries = await listRoiEntries(store, p.path);
    const revenue = entries.filter((e) => e.direction === 'revenue');
    if (revenue.length === 0) continue;
    const costs = entries.filter((e) => e.direction === 'cost');
    rows.push({ name: p.name, path: p.path, revenueToDate: totalToDate(revenue, today), revenuePerMonth: monthlyRate(revenue, today), costsToDate: totalToDate(costs, today), costPerMonth: monthlyRate(costs, today) });
  }
  return rows.filter((r) => r.revenueToDate > 0 || r.revenuePerMonth > 0).sort((a, b) => b.revenuePerMonth - a.revenuePerMonth || b.revenueToDate - a.revenueToDate);
}

export function earningText(rows: readonly EarningProject[]): string {
  if (rows.length === 0) return 'No project has revenue entered. Add it with `optimus roi PATH --revenue NAME=AMOUNT[/month]` (or in the Money dashboard).';
  const money = (n: number) => n.toFixed(2);
  return renderTable(['PROJECT', 'REVENUE/MONTH', 'REVENUE TO DATE', 'COSTS/MONTH', 'COSTS TO DATE'], rows.map((r) => [r.name, money(r.revenuePerMonth), money(r.revenueToDate), money(r.costPerMonth), money(r.costsToDate)]));
}
