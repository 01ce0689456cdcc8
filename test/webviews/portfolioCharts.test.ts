import assert from 'node:assert/strict';
import { healthBins } from '../../webviews/portfolio/charts/healthBins';
import { heatmapLayout } from '../../webviews/portfolio/charts/heatmapLayout';
import { levelScale } from '../../webviews/portfolio/charts/heatmapLevels';
import { languageCounts } from '../../webviews/portfolio/charts/languageCounts';
import { resourceRows } from '../../webviews/portfolio/charts/resourceRows';
import type { StackTag } from '../../webviews/portfolio/protocol';
import { card } from './harness/portfolioFixtures';

const lang = (id: string): StackTag => ({ id, label: id.toUpperCase(), kind: 'language' });

describe('portfolio chart data', () => {
  it('bins health by ten points, 100 in the last bin, and counts the not analyzed apart', () => {
    const { bins, unknown, median } = healthBins([card({ health: 0 }), card({ health: 49 }), card({ health: 50 }), card({ health: 100 }), card({ health: null })]);
    assert.equal(bins.length, 10);
    assert.deepEqual(bins.map((b) => b.count), [1, 0, 0, 0, 1, 1, 0, 0, 0, 1]);
    assert.deepEqual([bins[4]?.band, bins[5]?.band, bins[9]?.band], ['poor', 'fair', 'good']);
    assert.deepEqual([unknown, median], [1, 49]);
  });

  it('counts projects per language, the most used first, the tail as other', () => {
    const cards = [card({ stack: [lang('ts'), lang('py')] }), card({ stack: [lang('ts')] }), card({ stack: [] }), ...'abcdefghij'.split('').map((l) => card({ stack: [lang(l)] }))];
    const { rows, other, without } = languageCounts(cards);
    assert.deepEqual(rows.slice(0, 2).map((r) => [r.id, r.projects]), [['ts', 2], ['a', 1]]);
    assert.equal(rows.length, 8);
    assert.deepEqual([other, without], [4, 1]);
  });

  it('lists the running projects, the busiest first', () => {
    const run = (cpuPercent: number, memoryBytes: number) => ({ state: 'running' as const, cpuPercent, memoryBytes, ports: [] });
    const rows = resourceRows([card({ path: '/a', name: 'a', run: run(5, 10) }), card({ path: '/b', name: 'b' }), card({ path: '/c', name: 'c', run: run(50, 1) })]);
    assert.deepEqual(rows.map((r) => r.name), ['c', 'a']);
  });

  it('lays a year out as weeks of days, Sunday first, with a row per month for the table', () => {
    // 2025-03-05 was a Wednesday.
    const layout = heatmapLayout({ from: '2025-03-05', to: '2026-03-04', days: [{ date: '2025-03-05', commits: 2 }, { date: '2025-03-09', commits: 5 }, { date: '2026-03-04', commits: 1 }], byProject: [], failed: 0 });
    assert.equal(layout.cells.length, 365);
    assert.deepEqual(layout.cells[0], { date: '2025-03-05', week: 0, weekday: 3, commits: 2 });
    assert.deepEqual(layout.cells[4], { date: '2025-03-09', week: 1, weekday: 0, commits: 5 });
    assert.equal(layout.weeks, 53);
    assert.deepEqual([layout.max, layout.total], [5, 8]);
    assert.equal(layout.months.length, 13);
    assert.deepEqual(layout.months[0] && { commits: layout.months[0].commits, activeDays: layout.months[0].activeDays, busiest: layout.months[0].busiest }, { commits: 7, activeDays: 2, busiest: { date: '2025-03-09', commits: 5 } });
  });

  it('keeps a hostile window to a year and a bit', () => {
    assert.ok(heatmapLayout({ from: '1970-01-01', to: '2099-12-31', days: [], byProject: [], failed: 0 }).cells.length <= 371);
  });

  it('colours a day by even steps up to the busiest, a day without commits apart', () => {
    const level = levelScale(40);
    assert.deepEqual([0, 1, 10, 20, 30, 40].map(level), ['heat-0', 'heat-1', 'heat-1', 'heat-2', 'heat-3', 'heat-4']);
  });
});
